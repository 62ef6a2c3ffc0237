package nl.citydeal.engine.dossier.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import nl.citydeal.engine.AlsoOnPostgres;
import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.dossier.DealDocuments;
import nl.citydeal.engine.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A deal's documents through the API and the deal page: who uploads, lists and downloads them, what is refused,
 * and that the bytes come back whole (on PostgreSQL too: the {@code bytea} column).
 */
@CityDealSpringTest
@AutoConfigureMockMvc
@AlsoOnPostgres
class DealDocumentWebTest {

    static final UserRequestPostProcessor OFFICE = user("petra").authorities(() -> Role.PROGRAMME_OFFICE.authority());
    static final UserRequestPostProcessor ADMIN = user("beheer").authorities(() -> Role.ADMINISTRATOR.authority());
    static final UserRequestPostProcessor ANNA = user("anna").authorities(() -> Role.DEAL_LEAD.authority());
    static final UserRequestPostProcessor BRAM = user("bram").authorities(() -> Role.DEAL_LEAD.authority());

    static final byte[] PDF =
            "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityService identityService;

    @Autowired
    DealDocuments documents;

    @BeforeEach
    void dealLeads() {
        for (String lead : new String[] {"anna", "bram"}) {
            if (identityService.createUserQuery().userId(lead).count() == 0) {
                identityService.saveUser(identityService.newUser(lead));
                identityService.createMembership(lead, Role.DEAL_LEAD.groupId());
            }
        }
    }

    @Test
    void annaUploadsTheCovenantAndDownloadsItWholeWhileBramGets404ForTheDealItsDossierAndItsDocuments()
            throws Exception {
        String id = register();

        String created = upload(id, ANNA, "COVENANT", file("convenant getekend.pdf", "application/pdf", PDF))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("COVENANT"))
                .andExpect(jsonPath("$.kindLabel").value("Convenant"))
                .andExpect(jsonPath("$.fileName").value("convenant getekend.pdf"))
                .andExpect(jsonPath("$.contentType").value("application/pdf"))
                .andExpect(jsonPath("$.size").value(PDF.length))
                .andExpect(jsonPath("$.uploadedBy").value("anna"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int documentId = JsonPath.read(created, "$.id");

        for (UserRequestPostProcessor reader : List.of(ANNA, OFFICE, ADMIN)) {
            mvc.perform(get("/api/deals/" + id + "/documents").with(reader))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$", hasSize(1)))
                    .andExpect(jsonPath("$[0].id").value(documentId))
                    .andExpect(jsonPath("$[0].kind").value("COVENANT"));
            mvc.perform(get("/api/deals/" + id + "/documents/" + documentId).with(reader))
                    .andExpect(status().isOk())
                    .andExpect(content().contentType("application/pdf"))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().string("Content-Disposition", containsString("attachment")))
                    .andExpect(header().string("Content-Disposition", containsString("convenant")))
                    .andExpect(content().bytes(PDF));
        }

        for (String path : List.of(
                "/api/deals/" + id,
                "/api/deals/" + id + "/dossier",
                "/api/deals/" + id + "/documents",
                "/api/deals/" + id + "/documents/" + documentId)) {
            mvc.perform(get(path).with(BRAM))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        upload(id, BRAM, "OTHER", file("brief.pdf", "application/pdf", PDF))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/deals/" + id).with(BRAM)).andExpect(status().isNotFound());
        mvc.perform(get("/deals/" + id + "/documents/" + documentId).with(BRAM)).andExpect(status().isNotFound());
        mvc.perform(multipart("/deals/" + id + "/documents")
                        .file(file("brief.pdf", "application/pdf", PDF))
                        .param("kind", "OTHER")
                        .with(BRAM)
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertOnlyTheCovenant(id);
    }

    @Test
    void aDocumentIdOfAnotherDealIsNotFoundUnderThisDeal() throws Exception {
        String annas = register();
        String other = register();
        String created = upload(other, OFFICE, "SCALING_PLAN", file("plan.pdf", "application/pdf", PDF))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        int documentId = JsonPath.read(created, "$.id");

        mvc.perform(get("/api/deals/" + annas + "/documents/" + documentId).with(ANNA))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/deals/" + annas + "/documents/" + documentId).with(ANNA))
                .andExpect(status().isNotFound());
    }

    @Test
    void anAdministratorSeesTheDocumentsButOnlyTheProgrammeOfficeAndTheLeadAddThem() throws Exception {
        String id = register();

        upload(id, ADMIN, "OTHER", file("notitie.txt", "text/plain", "Notitie".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(DealDocuments.NOT_ALLOWED));
        upload(id, OFFICE, "STAATSCOURANT", file("stcrt-2026-123.pdf", "application/pdf", PDF))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/deals/" + id + "/documents").with(ADMIN))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].uploadedBy").value("petra"));
    }

    @Test
    void wordOdfTextAndImagesWhoseBytesMatchTheirNameAreTakenWithTheirOwnContentType() throws Exception {
        String id = register();

        upload(id, ANNA, "FINAL_REPORT", file("eindrapport.docx", "application/octet-stream", docx()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType")
                        .value("application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        upload(id, ANNA, "OWNERSHIP_MINUTES", file("verslag.odt", null, odt()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("application/vnd.oasis.opendocument.text"));
        upload(
                        id,
                        ANNA,
                        "OTHER",
                        file("notitie.txt", "text/plain", "Eigenaarschap: ja".getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("text/plain"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        upload(id, ANNA, "OTHER", file("foto.PNG", "image/png", png))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("image/png"));
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};
        upload(id, ANNA, "OTHER", file("foto.jpg", "image/jpeg", jpeg))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("image/jpeg"));
        mvc.perform(get("/api/deals/" + id + "/documents").with(ANNA)).andExpect(jsonPath("$", hasSize(5)));
    }

    @Test
    void tooLargeWrongSignatureExecutablesScriptsAndNoKindAreRefusedInDutchAndNothingIsStored() throws Exception {
        String id = register();
        byte[] large = Arrays.copyOf(PDF, 10 * 1024 * 1024 + 1);

        refused(id, "COVENANT", file("groot.pdf", "application/pdf", large), "groter dan 10 MB");
        refused(id, "COVENANT", file("convenant.pdf", "application/pdf", "geen pdf".getBytes()), "is geen PDF");
        refused(id, "COVENANT", file("convenant.docx", "application/pdf", PDF), "is geen Word-document");
        refused(
                id,
                "COVENANT",
                file("setup.exe", "application/octet-stream", new byte[] {'M', 'Z', 0, 0}),
                "Programma's");
        refused(id, "COVENANT", file("convenant.pdf", "application/pdf", new byte[] {'M', 'Z', 0, 0}), "Programma's");
        refused(id, "OTHER", file("script.js", "text/plain", "alert(1)".getBytes()), "Programma's");
        refused(id, "OTHER", file("pagina.html", "text/plain", "<p>hoi</p>".getBytes()), "Programma's");
        refused(id, "OTHER", file("pagina.txt", "text/html", "<script>x</script>".getBytes()), "Programma's");
        refused(id, "OTHER", file("run.txt", "text/plain", "#!/bin/sh\nrm -rf /\n".getBytes()), "Programma's");
        refused(id, "OTHER", file("archief.zip", "application/zip", new byte[] {'P', 'K', 3, 4}), "Alleen PDF");
        refused(id, "OTHER", file("leeg.pdf", "application/pdf", new byte[0]), "leeg");
        upload(id, ANNA, "", file("convenant.pdf", "application/pdf", PDF))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.kind").value("Kies de soort document."));
        upload(id, ANNA, "CONTRACT", file("convenant.pdf", "application/pdf", PDF))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.kind", containsString("Onbekende soort")));

        mvc.perform(get("/api/deals/" + id + "/documents").with(ANNA)).andExpect(jsonPath("$", hasSize(0)));
    }

    @Test
    void theDealPageListsTheDocumentsAndUploadsThroughItsFormWithAMessage() throws Exception {
        String id = register();

        mvc.perform(get("/deals/" + id).with(ANNA))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"documenten\"")))
                .andExpect(content().string(containsString("Nog geen documenten.")))
                .andExpect(content().string(containsString("action=\"/deals/" + id + "/documents\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")))
                .andExpect(content().string(containsString(">Verslag eigenaarschapsgesprek</option>")));

        mvc.perform(multipart("/deals/" + id + "/documents")
                        .file(file("<b>convenant.pdf", "application/pdf", PDF))
                        .param("kind", "COVENANT")
                        .with(ANNA)
                        .with(csrf()))
                .andExpect(redirectedUrl("/deals/" + id + "#documenten"))
                .andExpect(flash().attribute("documentNotice", "Convenant '<b>convenant.pdf' is toegevoegd."));
        mvc.perform(multipart("/deals/" + id + "/documents")
                        .file(file("setup.exe", "application/octet-stream", new byte[] {'M', 'Z'}))
                        .param("kind", "OTHER")
                        .with(ANNA)
                        .with(csrf()))
                .andExpect(redirectedUrl("/deals/" + id + "#documenten"))
                .andExpect(flash().attribute("documentError", containsString("Programma's")));
        mvc.perform(multipart("/deals/" + id + "/documents")
                        .file(file("brief.pdf", "application/pdf", PDF))
                        .param("kind", "OTHER")
                        .with(ANNA))
                .andExpect(status().isForbidden());

        long documentId = documents.of(id).get(0).id();
        mvc.perform(get("/deals/" + id).with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Convenant</td>")))
                .andExpect(content().string(containsString("&lt;b&gt;convenant.pdf")))
                .andExpect(content().string(not(containsString("<b>convenant"))))
                .andExpect(content().string(containsString("href=\"/deals/" + id + "/documents/" + documentId + "\"")));
        mvc.perform(get("/deals/" + id + "/documents/" + documentId).with(ANNA))
                .andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(PDF));
        mvc.perform(get("/deals/" + id).with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("action=\"/deals/" + id + "/documents\""))));
        assertThat(documents.of(id)).hasSize(1);
    }

    @Test
    void theLinkOfATaskThatAsksForADocumentOpensTheUploadWithThatKindChosenAndAnUnknownKindChoosesNone()
            throws Exception {
        String id = register();

        mvc.perform(get("/deals/" + id).param("soort", "SCALING_PLAN").with(ANNA))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"SCALING_PLAN\" selected=\"selected\">")))
                .andExpect(content().string(containsString("<option value=\"COVENANT\">")));
        mvc.perform(get("/deals/" + id).param("soort", "<script>").with(ANNA))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("selected=\"selected\">"))));
    }

    @Test
    void aCrossSitePostOfADocumentIsRefusedBeforeAnythingIsStored() throws Exception {
        String id = register();

        mvc.perform(multipart("/deals/" + id + "/documents")
                        .file(file("convenant.pdf", "application/pdf", PDF))
                        .param("kind", "COVENANT")
                        .header("Sec-Fetch-Site", "cross-site")
                        .with(ANNA)
                        .with(csrf()))
                .andExpect(status().isForbidden());
        upload(id, ANNA, "COVENANT", file("convenant.pdf", "application/pdf", PDF), "cross-site")
                .andExpect(status().isForbidden());
        assertThat(documents.of(id)).isEmpty();
    }

    private void refused(String id, String kind, MockMultipartFile file, String message) throws Exception {
        upload(id, ANNA, kind, file)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.file", containsString(message)))
                .andExpect(jsonPath("$.errors.file", containsString("er is niets opgeslagen")));
    }

    private void assertOnlyTheCovenant(String id) {
        assertThat(documents.of(id))
                .singleElement()
                .satisfies(d -> assertThat(d.fileName()).isEqualTo("convenant getekend.pdf"));
    }

    private ResultActions upload(String id, UserRequestPostProcessor who, String kind, MockMultipartFile file)
            throws Exception {
        return upload(id, who, kind, file, null);
    }

    private ResultActions upload(
            String id, UserRequestPostProcessor who, String kind, MockMultipartFile file, String fetchSite)
            throws Exception {
        var request = multipart("/api/deals/" + id + "/documents")
                .file(file)
                .param("kind", kind)
                .with(who);
        if (fetchSite != null) {
            request.header("Sec-Fetch-Site", fetchSite);
        }
        return mvc.perform(request);
    }

    private static MockMultipartFile file(String name, String type, byte[] bytes) {
        return new MockMultipartFile("file", name, type, bytes);
    }

    private static byte[] docx() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** An ODF text document: "mimetype" first and stored (uncompressed), as the ODF standard asks. */
    private static byte[] odt() throws IOException {
        byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(mimetype);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry first = new ZipEntry("mimetype");
            first.setMethod(ZipEntry.STORED);
            first.setSize(mimetype.length);
            first.setCompressedSize(mimetype.length);
            first.setCrc(crc.getValue());
            zip.putNextEntry(first);
            zip.write(mimetype);
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private String register() throws Exception {
        String response = mvc.perform(post("/api/deals")
                        .with(OFFICE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"City Deal Documenten","theme":"documenten","leadOrganisation":"Gemeente Zwolle",
                                 "dealLead":"anna"}"""))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(response, "$.id");
    }
}
