package nl.citydeal.engine.deal.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import nl.citydeal.engine.deal.DealImport;

/** CSV import of running and planned deals: as the request body ({@code text/csv}) or as an uploaded file. */
@RestController
@Validated
class DealImportController {

    private final DealImport dealImport;

    DealImportController(DealImport dealImport) {
        this.dealImport = dealImport;
    }

    @PostMapping(path = "/api/deals/import", consumes = "text/csv")
    DealImport.Report importBody(
            @RequestBody String csv,
            @RequestParam(required = false) @Size(max = 64) String dealLead,
            Authentication user)
            throws IOException {
        return dealImport.importDeals(new StringReader(csv), dealLead, user.getName());
    }

    @PostMapping(path = "/api/deals/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    DealImport.Report importFile(
            @RequestPart("file") MultipartFile file,
            @RequestParam(required = false) @Size(max = 64) String dealLead,
            Authentication user)
            throws IOException {
        return dealImport.importDeals(
                new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8), dealLead, user.getName());
    }
}
