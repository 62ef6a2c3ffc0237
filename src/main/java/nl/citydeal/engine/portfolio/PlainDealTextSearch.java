package nl.citydeal.engine.portfolio;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The search on H2 (and any database but PostgreSQL): a text matches when it holds the search as typed, in any case
 * ({@code lower(content) like '%...%'}). No stemming, no index: fine for the development and test databases.
 */
class PlainDealTextSearch implements DealTextSearch {

    private final NamedParameterJdbcTemplate jdbc;

    PlainDealTextSearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> matchingDeals(SearchText search, String onlyLead, int limit) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("pattern", pattern(search))
                .addValue("lead", onlyLead)
                .addValue("limit", limit);
        return jdbc.queryForList(
                """
                select distinct t.deal_id from deal_text t
                where lower(t.content) like :pattern escape '\\'
                """ + (onlyLead == null ? "" : LED_BY) + " fetch first :limit rows only", parameters, String.class);
    }

    @Override
    public Map<String, SearchHit> hits(SearchText search, Collection<String> dealIds) {
        Map<String, SearchHit> hits = new LinkedHashMap<>();
        if (dealIds.isEmpty()) {
            return hits;
        }
        jdbc.query("""
                select t.deal_id, t.source, t.content from deal_text t
                where t.deal_id in (:ids) and lower(t.content) like :pattern escape '\\'
                order by t.deal_id, t.sort_key, t.source
                """, new MapSqlParameterSource("ids", dealIds).addValue("pattern", pattern(search)), row -> {
            String content = row.getString("content");
            hits.putIfAbsent(
                    row.getString("deal_id"),
                    SearchHit.around(
                            row.getString("source"),
                            content,
                            indexIgnoringCase(content, search.text()),
                            search.text().length()));
        });
        return hits;
    }

    /** {@code %text%} in lower case, with LIKE's wildcards in the text taken literally. */
    private static String pattern(SearchText search) {
        String text = search.text().toLowerCase(Locale.ROOT);
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    static int indexIgnoringCase(String content, String text) {
        for (int i = 0; i + text.length() <= content.length(); i++) {
            if (content.regionMatches(true, i, text, 0, text.length())) {
                return i;
            }
        }
        return -1;
    }
}
