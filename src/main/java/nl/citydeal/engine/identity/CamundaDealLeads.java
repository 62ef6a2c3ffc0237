package nl.citydeal.engine.identity;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.DealLeads;

/** Deal leads are the members of the {@code deal-leads} group. */
@Component
public class CamundaDealLeads implements DealLeads {

    private final IdentityService identityService;

    public CamundaDealLeads(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public boolean isDealLead(String userId) {
        return userId != null
                && identityService
                                .createUserQuery()
                                .userId(userId)
                                .memberOfGroup(Role.DEAL_LEAD.groupId())
                                .count()
                        > 0;
    }
}
