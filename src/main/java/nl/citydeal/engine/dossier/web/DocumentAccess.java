package nl.citydeal.engine.dossier.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.dossier.DealDocuments;
import nl.citydeal.engine.system.ForbiddenException;
import nl.citydeal.engine.system.NotFoundException;
import nl.citydeal.engine.system.web.Viewer;

/**
 * Who may see and add a deal's documents through the API: whoever sees the deal sees its documents (the programme
 * office and administrators every deal, a deal lead their own; anyone else gets the 404 of a deal that does not
 * exist); the programme office and the deal's lead add them (403 for others who see it).
 */
@Component
class DocumentAccess {

    private final DealRegistry registry;

    DocumentAccess(DealRegistry registry) {
        this.registry = registry;
    }

    /** The deal, if the user sees it; not found otherwise. */
    Deal visible(String dealId, Authentication user) {
        Deal deal = registry.get(dealId);
        if (!Viewer.of(user).sees(deal.leads())) {
            throw new NotFoundException("Deal %s bestaat niet.".formatted(dealId));
        }
        return deal;
    }

    /** The deal, if the user sees it and may add documents to it: 404 when they do not see it, 403 when only that. */
    Deal uploadable(String dealId, Authentication user) {
        Deal deal = visible(dealId, user);
        if (!DealDocuments.mayUpload(deal.leads(), user.getName(), Viewer.inProgrammeOffice(user))) {
            throw new ForbiddenException(DealDocuments.NOT_ALLOWED);
        }
        return deal;
    }
}
