package nl.citydeal.engine.portfolio.web;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.DealSetup;
import nl.citydeal.engine.deal.NewDeal;
import nl.citydeal.engine.deal.ParticipantType;
import nl.citydeal.engine.deal.ScalingDecision;
import nl.citydeal.engine.deal.ScalingRoute;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.lesson.Lessons;
import nl.citydeal.engine.prompt.PromptSchedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The yearly report's page and spreadsheet per role: the programme office and administrators see every deal of the
 * year, a deal lead only their own, nobody without logging in; a year that is not one gets a Dutch message. The
 * spreadsheet is read back with Apache POI. Every test registers deals of a theme of its own for two leads of its own.
 */
@CityDealSpringTest
@AutoConfigureMockMvc
class YearReportPageTest {

    static final String LEAD = "report-page-lead";
    static final String OTHER_LEAD = "report-page-other";
    static final UserRequestPostProcessor OFFICE = user("petra").authorities(() -> Role.PROGRAMME_OFFICE.authority());
    static final UserRequestPostProcessor ADMIN = user("ada").authorities(() -> Role.ADMINISTRATOR.authority());
    static final UserRequestPostProcessor DEAL_LEAD = user(LEAD).authorities(() -> Role.DEAL_LEAD.authority());

    @Autowired
    MockMvc mvc;

    @Autowired
    DealRegistry registry;

    @Autowired
    Lessons lessons;

    @Autowired
    IdentityService identityService;

    @Autowired
    Clock clock;

    String theme;
    int year;

    @BeforeEach
    void leadsAndTheme() {
        for (String lead : List.of(LEAD, OTHER_LEAD)) {
            if (identityService.createUserQuery().userId(lead).count() == 0) {
                User user = identityService.newUser(lead);
                user.setFirstName("Lead");
                user.setLastName(lead);
                user.setPassword("Jaarverslag-Test-2026!");
                identityService.saveUser(user);
                identityService.createMembership(lead, Role.DEAL_LEAD.groupId());
            }
        }
        theme = "jaarverslag-web-" + UUID.randomUUID();
        year = LocalDate.now(clock.withZone(PromptSchedule.ZONE)).getYear();
    }

    @Test
    void theProgrammeOfficeSeesEveryDealOfTheYearWithTotalsAndTheDownloadLink() throws Exception {
        Deal own = register("Deal een", LEAD, LocalDate.of(year - 1, 3, 1), LocalDate.of(year + 1, 3, 1));
        Deal other = register("Deal twee", OTHER_LEAD, null, null);
        registry.recordScalingDecision(
                own.getId(), new ScalingDecision(Set.of(ScalingRoute.KNOWLEDGE_NETWORK), "Kennis delen"), "petra");

        for (UserRequestPostProcessor viewer : List.of(OFFICE, ADMIN)) {
            mvc.perform(get("/portfolio/report")
                            .param("year", String.valueOf(year))
                            .with(viewer))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                    .andExpect(content().string(containsString("<h1>Jaarverslag " + year + "</h1>")))
                    .andExpect(content().string(containsString(">Deal een " + theme + "<")))
                    .andExpect(content().string(containsString(">Deal twee " + theme + "<")))
                    .andExpect(content().string(containsString(">" + own.getReference() + "<")))
                    .andExpect(content().string(containsString(">Experimenteerfase<")))
                    .andExpect(content().string(containsString("Waterschap Test")))
                    .andExpect(content().string(containsString("(Waterschap)")))
                    .andExpect(content().string(not(containsString("Adviesbureau Test"))))
                    .andExpect(content().string(containsString("Klaar voor opschaling?")))
                    .andExpect(content().string(containsString("Kennisnetwerk, tools en handboek")))
                    .andExpect(content().string(containsString("id=\"per-fase\"")))
                    .andExpect(content().string(containsString("id=\"per-route\"")))
                    .andExpect(
                            content().string(containsString("Een deal telt mee in een jaar als hij in dat jaar liep")))
                    .andExpect(content().string(containsString("href=\"/portfolio/report.xlsx?year=" + year + "\"")))
                    .andExpect(content().string(containsString("Download als spreadsheet (.xlsx)")))
                    .andExpect(content().string(containsString("/js/print-report.js")))
                    .andExpect(content().string(not(containsString("style="))));
        }
        assertThat(other.getId()).isNotNull();
    }

    @Test
    void withoutAYearThePageShowsTheCurrentYear() throws Exception {
        mvc.perform(get("/portfolio/report").with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Jaarverslag " + year + "</h1>")))
                .andExpect(content().string(containsString("value=\"" + year + "\"")));
    }

    @Test
    void aDealLeadSeesOnlyTheirOwnDealsOnThePageAndInTheSpreadsheet() throws Exception {
        Deal own = register("Eigen deal", LEAD, null, null);
        Deal other = register("Andermans deal", OTHER_LEAD, null, null);

        mvc.perform(get("/portfolio/report").param("year", String.valueOf(year)).with(DEAL_LEAD))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(">Eigen deal " + theme + "<")))
                .andExpect(content().string(not(containsString("Andermans deal " + theme))))
                .andExpect(content().string(containsString("Alleen de deals die u trekt")));
        byte[] file = mvc.perform(get("/portfolio/report.xlsx")
                        .param("year", String.valueOf(year))
                        .with(DEAL_LEAD))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            List<String> references = column(workbook.getSheet("Deals"), 0);
            assertThat(references).contains(own.getReference()).doesNotContain(other.getReference());
            // every deal in it is this lead's (the lead is a test user of its own)
            assertThat(column(workbook.getSheet("Deals"), 4)).containsOnly("Lead " + LEAD);
        }
    }

    @Test
    void theSpreadsheetHasTheSummaryTheDealsWithDatesAndReadinessAndTheLessons() throws Exception {
        Deal deal = register("Spreadsheet", LEAD, LocalDate.of(year - 1, 3, 1), LocalDate.of(year + 1, 3, 1));
        registry.recordScalingDecision(
                deal.getId(),
                new ScalingDecision(Set.of(ScalingRoute.KNOWLEDGE_NETWORK, ScalingRoute.EMBED_IN_POLICY), "Borgen"),
                "petra");
        lessons.share(deal.getId(), theme, "Eigenaarschap vroeg beleggen.", "Te laat middelen.", clock.instant());

        byte[] file = mvc.perform(get("/portfolio/report.xlsx")
                        .param("year", String.valueOf(year))
                        .with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(content().contentType(YearReportController.XLSX))
                .andExpect(header().string(
                                "Content-Disposition", "attachment; filename=\"jaarverslag-" + year + ".xlsx\""))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            assertThat(List.of(
                            workbook.getSheetName(0),
                            workbook.getSheetName(1),
                            workbook.getSheetName(2),
                            workbook.getSheetName(3)))
                    .containsExactly("Samenvatting", "Deals", "Deelnemers", "Lessen");

            Sheet deals = workbook.getSheet("Deals");
            Row header = deals.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Kenmerk");
            assertThat(header.getCell(6).getStringCellValue()).isEqualTo("Ondertekend op");
            assertThat(header.getCell(10).getStringCellValue()).startsWith("Eigenaarschap");
            assertThat(deals.getPaneInformation().isFreezePane()).isTrue();
            Row row = rowOf(deals, deal.getReference());
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("Spreadsheet " + theme);
            assertThat(row.getCell(5).getStringCellValue()).isEqualTo("Experimenteerfase");
            Cell signed = row.getCell(6);
            assertThat(signed.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(signed)).isTrue();
            assertThat(signed.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(year - 1, 3, 1));
            assertThat(row.getCell(8).getNumericCellValue()).isEqualTo(1);
            assertThat(row.getCell(9).getStringCellValue()).isEqualTo("Waterschap Test (Waterschap)");
            assertThat(List.of("ja", "nee", "nog niet", "onbekend"))
                    .contains(row.getCell(10).getStringCellValue());
            assertThat(row.getCell(15).getStringCellValue())
                    .contains("Inbedden in regulier beleid of nationaal programma")
                    .contains("Kennisnetwerk, tools en handboek");
            assertThat(row.getCell(16).getNumericCellValue()).isEqualTo(1);
            assertThat(row.getCell(17).getNumericCellValue()).isEqualTo(1);

            Sheet summary = workbook.getSheet("Samenvatting");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("Jaarverslag " + year + " · City Deals (Agenda Stad)");
            int dealRows = deals.getLastRowNum();
            Row total = rowOf(summary, "Totaal");
            assertThat((int) total.getCell(1).getNumericCellValue()).isEqualTo(dealRows);
            assertThat(rowOf(summary, "Kennisnetwerk, tools en handboek")
                            .getCell(1)
                            .getNumericCellValue())
                    .isGreaterThanOrEqualTo(1);
            assertThat(rowOf(summary, "Experimenteerfase").getCell(1).getNumericCellValue())
                    .isGreaterThanOrEqualTo(1);

            Sheet lessonSheet = workbook.getSheet("Lessen");
            List<String> texts = column(lessonSheet, 4);
            assertThat(texts).contains("Eigenaarschap vroeg beleggen.", "Te laat middelen.");

            assertThat(column(workbook.getSheet("Deelnemers"), 2)).contains("Waterschap Test");
        }
    }

    @Test
    void aYearThatIsNotOneGetsADutchMessageAndNoReport() throws Exception {
        for (String wrong : List.of("twintig", "1850", "99999", "2026<script>")) {
            mvc.perform(get("/portfolio/report").param("year", wrong).with(OFFICE))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("Kies een jaar tussen 2000 en")))
                    .andExpect(content().string(not(containsString("id=\"per-fase\""))))
                    .andExpect(content().string(not(containsString("<script>"))));
            mvc.perform(get("/portfolio/report.xlsx").param("year", wrong).with(OFFICE))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors.year", containsString("Kies een jaar tussen 2000 en")));
        }
    }

    @Test
    void withoutLoggingInThePageAndTheSpreadsheetAskForALogin() throws Exception {
        mvc.perform(get("/portfolio/report"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("http://localhost/login"));
        mvc.perform(get("/portfolio/report.xlsx").param("year", String.valueOf(year)))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("http://localhost/login"));
    }

    @Test
    void theOverviewLinksToTheReport() throws Exception {
        mvc.perform(get("/").with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/portfolio/report\"")));
    }

    private static Row rowOf(Sheet sheet, String first) {
        for (Row row : sheet) {
            Cell cell = row.getCell(0);
            if (cell != null && cell.getCellType() == CellType.STRING && first.equals(cell.getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row " + first + " in " + sheet.getSheetName());
    }

    private static List<String> column(Sheet sheet, int column) {
        List<String> values = new ArrayList<>();
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && row.getCell(column) != null) {
                values.add(row.getCell(column).getStringCellValue());
            }
        }
        return values;
    }

    private Deal register(String name, String lead, LocalDate signedOn, LocalDate endsOn) {
        return registry.register(
                new NewDeal(
                        name + " " + theme,
                        theme,
                        "Gemeente Zwolle",
                        lead,
                        "petra",
                        "Een ambitie",
                        DealSetup.ONE_PART,
                        signedOn,
                        endsOn,
                        signedOn == null ? null : "Stcrt. " + signedOn.getYear() + ", 1",
                        List.of(
                                new NewDeal.NewParticipant(
                                        "Waterschap Test", ParticipantType.WATER_BOARD, "Kennis van water", true),
                                new NewDeal.NewParticipant(
                                        "Adviesbureau Test", ParticipantType.COMPANY, "Geen eigen inbreng", false)),
                        null),
                "petra");
    }
}
