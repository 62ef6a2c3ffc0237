package nl.citydeal.engine.portfolio;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The overview's search through the texts of the deals (the view {@code deal_text}: name, theme, lead organisation,
 * ambition, the participants' names and added value, and every answer in the dossier). One implementation per
 * database, chosen once at start-up ({@link DealTextSearchConfiguration}): PostgreSQL's full-text search with its
 * Dutch configuration, a plain case-insensitive match elsewhere.
 */
interface DealTextSearch {

    /** The condition on {@code deal_text t} for the deals {@code :lead} leads or is a deputy of. */
    String LED_BY =
            " and (t.deal_lead = :lead or t.deal_id in (select d.deal_id from deal_deputy d where d.user_id = :lead))";

    /**
     * The deals (only those {@code onlyLead} leads or is a deputy of, when set) one of whose texts matches, at most {@code limit}, in no
     * particular order. A search the database cannot search for is refused in Dutch ({@code InvalidInputException}).
     */
    List<String> matchingDeals(SearchText search, String onlyLead, int limit);

    /** For each of the deals that has a matching text, the first one (in the view's order), as a snippet. */
    Map<String, SearchHit> hits(SearchText search, Collection<String> dealIds);
}
