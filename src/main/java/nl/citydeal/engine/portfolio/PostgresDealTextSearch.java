package nl.citydeal.engine.portfolio;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import nl.citydeal.engine.system.InvalidInputException;

/**
 * The search on PostgreSQL: full-text search with the Dutch configuration. A text matches when its words, stemmed
 * the Dutch way, hold every word of the search ({@code websearch_to_tsquery}: "quotes" for a phrase, {@code or},
 * {@code -word} to leave out); the GIN indexes of {@code V112__deal_text_search.sql} answer it for the long texts.
 * The snippet is PostgreSQL's {@code ts_headline}, its matches marked by two private-use characters that the texts
 * are cleared of first.
 */
class PostgresDealTextSearch implements DealTextSearch {

    static final char START = '\uE000';
    static final char STOP = '\uE001';
    private static final String HEADLINE_OPTIONS =
            "StartSel=" + START + ", StopSel=" + STOP + ", MinWords=12, MaxWords=30, ShortWord=2";

    private final NamedParameterJdbcTemplate jdbc;

    PostgresDealTextSearch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> matchingDeals(SearchText search, String onlyLead, int limit) {
        Integer words = jdbc.queryForObject(
                "select numnode(websearch_to_tsquery('dutch', :q))",
                new MapSqlParameterSource("q", search.text()),
                Integer.class);
        if (words == null || words == 0) {
            throw new InvalidInputException(
                    SearchText.FIELD,
                    "\"%s\" bestaat alleen uit woorden die te veel voorkomen om op te zoeken (zoals \"de\" en \"het\"): "
                                    .formatted(search.text())
                            + "zoek op een woord dat meer zegt.");
        }
        MapSqlParameterSource parameters = new MapSqlParameterSource("q", search.text())
                .addValue("lead", onlyLead)
                .addValue("limit", limit);
        return jdbc.queryForList("""
                select distinct t.deal_id from deal_text t
                where to_tsvector('dutch', t.content) @@ websearch_to_tsquery('dutch', :q)
                """ + (onlyLead == null ? "" : LED_BY) + " limit :limit", parameters, String.class);
    }

    @Override
    public Map<String, SearchHit> hits(SearchText search, Collection<String> dealIds) {
        Map<String, SearchHit> hits = new LinkedHashMap<>();
        if (dealIds.isEmpty()) {
            return hits;
        }
        jdbc.query(
                """
                select distinct on (t.deal_id) t.deal_id, t.source, t.content,
                       ts_headline('dutch', translate(t.content, :markers, ''), q.query, :options) as headline
                from deal_text t, websearch_to_tsquery('dutch', :q) as q (query)
                where t.deal_id in (:ids) and to_tsvector('dutch', t.content) @@ q.query
                order by t.deal_id, t.sort_key, t.source
                """,
                new MapSqlParameterSource("ids", dealIds)
                        .addValue("q", search.text())
                        .addValue("markers", "" + START + STOP)
                        .addValue("options", HEADLINE_OPTIONS),
                row -> {
                    hits.put(
                            row.getString("deal_id"),
                            SearchHit.marked(
                                    row.getString("source"),
                                    row.getString("content"),
                                    row.getString("headline"),
                                    START,
                                    STOP));
                });
        return hits;
    }
}
