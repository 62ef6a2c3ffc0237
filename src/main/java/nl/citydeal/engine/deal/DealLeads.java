package nl.citydeal.engine.deal;

/** Who may lead a deal: users of the deal-leads group. Implemented on the identity service. */
public interface DealLeads {

    boolean isDealLead(String userId);
}
