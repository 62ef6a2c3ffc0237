package nl.citydeal.engine.portfolio.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.dossier.DealDocuments;
import nl.citydeal.engine.dossier.web.DocumentHttp;
import nl.citydeal.engine.portfolio.DealDossier;
import nl.citydeal.engine.system.InvalidInputException;
import nl.citydeal.engine.system.NotFoundException;
import nl.citydeal.engine.system.PersonNames;
import nl.citydeal.engine.system.web.Viewer;

/**
 * The deal page's documents: the upload form posts here (with the page's CSRF token) and comes back to the deal
 * page with a Dutch message; the page's download links. Whoever does not see the deal gets the page's 404.
 */
@Controller
class DealDocumentPageController {

    private final DealDossier dossier;
    private final DealDocuments documents;
    private final PersonNames names;

    DealDocumentPageController(DealDossier dossier, DealDocuments documents, PersonNames names) {
        this.dossier = dossier;
        this.documents = documents;
        this.names = names;
    }

    @PostMapping("/deals/{id}/documents")
    String upload(
            @PathVariable String id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "kind", required = false) String kind,
            Authentication user,
            RedirectAttributes redirect) {
        Deal deal = visible(id, user);
        if (!DealDocuments.mayUpload(deal.leads(), user.getName(), Viewer.inProgrammeOffice(user))) {
            redirect.addFlashAttribute("documentError", DealDocuments.NOT_ALLOWED);
            return back(id);
        }
        try {
            DealDocuments.Listed saved = documents.upload(id, DocumentHttp.upload(file, kind), user.getName());
            redirect.addFlashAttribute(
                    "documentNotice",
                    "%s '%s' is toegevoegd.".formatted(saved.kind().label(), saved.fileName()));
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute(
                    "documentError", String.join(" ", e.errors().values()));
        }
        return back(id);
    }

    @GetMapping("/deals/{id}/documents/{documentId}")
    ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable long documentId, Authentication user) {
        visible(id, user);
        return DocumentHttp.download(documents, id, documentId);
    }

    /** A file larger than the container takes ({@code spring.servlet.multipart.*}): back, nothing stored. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(HttpServletRequest request, RedirectAttributes redirect) {
        String path = request.getServletPath();
        String id = path.substring("/deals/".length(), path.lastIndexOf('/'));
        redirect.addFlashAttribute(
                "documentError",
                "Het bestand is groter dan %s; er is niets opgeslagen.".formatted(documents.maxSize()));
        return back(id);
    }

    /** A deal or document the user does not see, or that is not there: the page's 404. */
    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Authentication user, Model model) {
        model.addAttribute("navigation", Navigation.of(user, "/deals", names));
        return "portfolio/not-found";
    }

    private Deal visible(String id, Authentication user) {
        Viewer viewer = Viewer.of(user);
        return dossier.visible(id, viewer.seesAllDeals() ? null : viewer.userId());
    }

    private static String back(String id) {
        return "redirect:/deals/" + id + "#documenten";
    }
}
