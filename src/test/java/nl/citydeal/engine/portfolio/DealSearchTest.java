package nl.citydeal.engine.portfolio;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import nl.citydeal.engine.AlsoOnPostgres;
import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.NewDeal;
import nl.citydeal.engine.deal.ParticipantType;
import nl.citydeal.engine.dossier.CompletedStep;
import nl.citydeal.engine.dossier.Dossier;
import nl.citydeal.engine.dossier.FormField;
import nl.citydeal.engine.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The overview's search through the deals' texts (name, ambition, participants, the dossier's answers), on H2's plain
 * match and on PostgreSQL's Dutch full-text search: what it finds, the snippet with the match marked and escaped, a
 * deal lead's own deals only, and bad input refused in Dutch. Every search looks for a word made up for the test, so
 * the deals of other tests in the shared database do not count.
 */
@CityDealSpringTest
@AutoConfigureMockMvc
@AlsoOnPostgres
class DealSearchTest {

    static final UserRequestPostProcessor OFFICE = user("petra").authorities(() -> Role.PROGRAMME_OFFICE.authority());
    static final UserRequestPostProcessor ANNA = user("anna").authorities(() -> Role.DEAL_LEAD.authority());

    private static final Random RANDOM = new Random();

    /** The theme of this test's deals: its searches look among them only, whatever other tests registered. */
    private final String theme = "zoeken " + word();

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityService identityService;

    @Autowired
    DealRegistry registry;

    @Autowired
    Dossier dossier;

    @Autowired
    Portfolio portfolio;

    @Autowired
    DealTextSearch textSearch;

    @BeforeEach
    void dealLeads() {
        for (String lead : new String[] {"anna", "bram"}) {
            if (identityService.createUserQuery().userId(lead).count() == 0) {
                identityService.saveUser(identityService.newUser(lead));
                identityService.createMembership(lead, Role.DEAL_LEAD.groupId());
            }
        }
    }

    /** The user's first and last name as the identity service has them (other tests may give anna hers), else the id. */
    private String nameInIdentityService(String userId) {
        org.camunda.bpm.engine.identity.User user =
                identityService.createUserQuery().userId(userId).singleResult();
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                        + (user.getLastName() == null ? "" : user.getLastName()))
                .strip();
        return name.isEmpty() ? userId : name;
    }

    @Test
    void findsADealByItsNameAmbitionParticipantAddedValueAndWhatWasWrittenInItsForms() {
        String inName = word();
        String inAmbition = word();
        String inParticipant = word();
        String inAddedValue = word();
        String inForm = word();
        Deal deal = register(
                "City Deal " + inName,
                "De ambitie is " + inAmbition + " in de hele regio.",
                "Gemeente " + inParticipant,
                "Brengt " + inAddedValue + " mee.");
        answer(deal, "Commitment vastleggen", "resources", "Inzet en middelen", "Twee fte en " + inForm + " budget.");

        assertThat(hitOf(deal, inName).source()).isEqualTo("Naam");
        assertThat(hitOf(deal, inAmbition).source()).isEqualTo("Ambitie");
        assertThat(hitOf(deal, inParticipant).source()).isEqualTo("Deelnemer");
        assertThat(hitOf(deal, inAddedValue).source()).isEqualTo("Toegevoegde waarde van Gemeente " + inParticipant);
        SearchHit form = hitOf(deal, inForm);
        assertThat(form.source()).isEqualTo("Commitment vastleggen: Inzet en middelen");
        assertThat(form.snippet()).contains("Twee fte en " + inForm + " budget");
        assertThat(form.parts()).contains(new SearchHit.Part(inForm, true));
        assertThat(form.parts().stream().filter(SearchHit.Part::match).map(SearchHit.Part::text))
                .containsOnly(inForm);

        assertThat(ids(search(word()))).isEmpty();
    }

    @Test
    void theSearchCombinesWithTheFiltersAndALongTextShowsOnlyTheSnippetAroundTheMatch() {
        String token = word();
        String longText = "Aanloop ".repeat(40) + token + " uitloop".repeat(40);
        Deal deal = register("City Deal lang", null, "Provincie Gelderland", "Kennis.");
        answer(deal, "Richting bepalen", "direction", "Gedeelde richting", longText);

        SearchHit hit = hitOf(deal, token);
        assertThat(hit.snippet()).startsWith("…").endsWith("…").contains(token);
        assertThat(hit.snippet().length()).isLessThan(longText.length() / 2);

        PortfolioQuery otherPhase = new PortfolioQuery(
                DealPhase.CLOSED, theme, null, null, false, new SearchText(token), PortfolioQuery.Order.NAME);
        assertThat(ids(portfolio.overview(otherPhase, null, 0))).doesNotContain(deal.getId());
    }

    @Test
    void aDealLeadFindsOnlyTheirOwnDealsAndTheProgrammeOfficeFindsEvery() throws Exception {
        String token = word();
        Deal annas = register("City Deal van anna " + token, null, "Gemeente Zwolle", "Ruimte.", "anna");
        Deal brams = register("City Deal van bram " + token, null, "Gemeente Zwolle", "Ruimte.", "bram");

        mvc.perform(get("/api/portfolio/search").param("q", token).with(ANNA))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.results[0].id").value(annas.getId()))
                .andExpect(jsonPath("$.results[0].source").value("Naam"))
                .andExpect(jsonPath("$.results[0].dealLead").value("anna"))
                .andExpect(jsonPath("$.results[0].dealLeadName").value(nameInIdentityService("anna")))
                .andExpect(jsonPath("$.results[0].parts[?(@.match == true)].text", hasItem(token)));
        mvc.perform(get("/").param("q", token).with(ANNA))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(annas.getId())))
                .andExpect(content().string(not(containsString(brams.getId()))));
        mvc.perform(get("/api/portfolio/search").param("q", token).with(OFFICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void theHitOnThePageIsEscapedWithOnlyTheMatchMarked() throws Exception {
        String token = word();
        Deal deal = register("City Deal escape", null, "Gemeente Delft", "Ruimte.");
        answer(
                deal,
                "Commitment vastleggen",
                "resources",
                "Inzet",
                "<script>alert(1)</script> & " + token + " <b>vet</b>");

        String page = mvc.perform(get("/").param("q", token).with(OFFICE))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page)
                .contains("&amp; <mark>" + token + "</mark>")
                .doesNotContain("<script>alert(1)</script>")
                .doesNotContain("<b>vet</b>")
                .contains("Commitment vastleggen: Inzet:");
        if (!(textSearch instanceof PostgresDealTextSearch)) {
            // PostgreSQL's ts_headline leaves markup out of the snippet; H2's snippet keeps it, escaped
            assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; ");
        }
    }

    @Test
    void aSearchThatIsTooLongOrOnlyPunctuationIsRefusedInDutchOnThePageAndInTheApi() throws Exception {
        for (String bad : List.of("a".repeat(SearchText.MAX_LENGTH + 1), "?!… --- ***")) {
            mvc.perform(get("/api/portfolio/search").param("q", bad).with(OFFICE))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.errors.q").exists());
            mvc.perform(get("/").param("q", bad).with(OFFICE))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("id=\"q-error\"")));
        }
        mvc.perform(get("/api/portfolio/search").param("q", "?!").with(OFFICE))
                .andExpect(jsonPath("$.errors.q")
                        .value("Zoek op ten minste één letter of cijfer; leestekens alleen vinden niets."));
        mvc.perform(get("/api/portfolio/search").with(OFFICE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.q").value("Vul een zoekterm in."));
    }

    /**
     * What each database does with Dutch words. PostgreSQL's 'dutch' configuration stems: "opschalen" and
     * "opschaling" share the stem "opschal", so either finds the other; words like "de" and "het" are stop words, a
     * search of only those is refused. H2 matches the letters as typed, in any case, as one piece: "OPSCHAL" finds "opschaling", "opschalen" does
     * not.
     */
    @Test
    void dutchWordsAreStemmedOnPostgresAndMatchedAsTypedOnH2() throws Exception {
        Deal deal = register(
                "City Deal Ede", "De opschaling van het instrument naar andere regio's.", "Gemeente Ede", "Ruimte.");
        boolean postgres = textSearch instanceof PostgresDealTextSearch;

        if (postgres) {
            assertThat(ids(search("opschaling"))).containsExactly(deal.getId());
            assertThat(ids(search("opschalen"))).containsExactly(deal.getId());
            assertThat(ids(search("regio"))).containsExactly(deal.getId());
            assertThat(hitOf(deal, "opschalen").parts()).contains(new SearchHit.Part("opschaling", true));
            mvc.perform(get("/api/portfolio/search").param("q", "de het").with(OFFICE))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.q", containsString("te veel voorkomen")));
        } else {
            assertThat(ids(search("opschaling"))).containsExactly(deal.getId());
            assertThat(hitOf(deal, "OPSCHAL").parts()).contains(new SearchHit.Part("opschal", true));
            assertThat(ids(search("opschalen"))).isEmpty();
        }
    }

    /** This test's deals that the search selects, for the programme office. */
    private Portfolio.Overview search(String text) {
        return portfolio.overview(
                new PortfolioQuery(null, theme, null, null, false, new SearchText(text), PortfolioQuery.Order.NAME),
                null,
                0);
    }

    private SearchHit hitOf(Deal deal, String text) {
        Portfolio.Overview overview = search(text);
        assertThat(ids(overview)).as("deals found for %s", text).containsExactly(deal.getId());
        Map<String, SearchHit> hits = overview.hits();
        assertThat(hits).containsKey(deal.getId());
        return hits.get(deal.getId());
    }

    private static List<String> ids(Portfolio.Overview overview) {
        return overview.lines().stream().map(line -> line.deal().getId()).toList();
    }

    private Deal register(String name, String ambition, String participant, String addedValue) {
        return register(name, ambition, participant, addedValue, "anna");
    }

    private Deal register(String name, String ambition, String participant, String addedValue, String lead) {
        return registry.register(
                new NewDeal(
                        name,
                        theme,
                        "Gemeente Zwolle",
                        lead,
                        null,
                        ambition,
                        null,
                        null,
                        null,
                        null,
                        List.of(new NewDeal.NewParticipant(
                                participant, ParticipantType.MUNICIPALITY, addedValue, true)),
                        null),
                "petra");
    }

    private void answer(Deal deal, String step, String key, String label, String text) {
        dossier.record(new CompletedStep(
                deal.getId(),
                null,
                null,
                "UserTask_Test",
                step,
                DealPhase.PREPARATION,
                null,
                "anna",
                List.of(new CompletedStep.Answer(new FormField(key, label, "textarea", null, Map.of()), text))));
    }

    /** A word no other deal holds: letters only, so that both databases see one word. */
    private static String word() {
        StringBuilder word = new StringBuilder("zq");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.toString();
    }
}
