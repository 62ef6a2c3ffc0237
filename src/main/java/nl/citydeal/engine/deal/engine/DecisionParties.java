package nl.citydeal.engine.deal.engine;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DecisionParty;
import nl.citydeal.engine.identity.Role;

/**
 * Which party of a deal's joint decisions a user is: the deal's own lead (or one of its deputies), or a member of the programme office. A deal
 * lead of another deal, an administrator or a step without a user (a timer) is neither.
 */
@Component
class DecisionParties {

    private final IdentityService identityService;

    DecisionParties(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The user's party in the deal's decisions, or null when the user is neither its lead nor programme office. */
    DecisionParty of(String userId, Deal deal) {
        if (userId == null) {
            return null;
        }
        if (deal.isLedBy(userId)) {
            return DecisionParty.DEAL_LEAD;
        }
        // the user's own profile: every user may read it, whatever else they may see
        boolean office = identityService
                        .createUserQuery()
                        .userId(userId)
                        .memberOfGroup(Role.PROGRAMME_OFFICE.groupId())
                        .count()
                > 0;
        return office ? DecisionParty.PROGRAMME_OFFICE : null;
    }
}
