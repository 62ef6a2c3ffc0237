package nl.citydeal.engine.dossier.web;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.processengine.CityDealProcess;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.DEAL_ID;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The dossier over HTTP: who may read it through the API, and the deal page's dossier section. */
@CityDealSpringTest
@AutoConfigureMockMvc
class DossierWebTest {

    static final UserRequestPostProcessor OFFICE = user("petra").authorities(() -> Role.PROGRAMME_OFFICE.authority());
    static final UserRequestPostProcessor ANNA = user("anna").authorities(() -> Role.DEAL_LEAD.authority());
    static final UserRequestPostProcessor BRAM = user("bram").authorities(() -> Role.DEAL_LEAD.authority());

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityService identityService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    FormService formService;

    @BeforeEach
    void dealLeads() {
        for (String lead : new String[] {"anna", "bram"}) {
            if (identityService.createUserQuery().userId(lead).count() == 0) {
                identityService.saveUser(identityService.newUser(lead));
                identityService.createMembership(lead, Role.DEAL_LEAD.groupId());
            }
        }
        // anna by the name the prompt tests give her (all contexts share the identity service's database)
        org.camunda.bpm.engine.identity.User anna =
                identityService.createUserQuery().userId("anna").singleResult();
        anna.setFirstName("Anna");
        anna.setLastName("Jansen");
        identityService.saveUser(anna);
    }

    @Test
    void theProgrammeOfficeAndTheDealsLeadReadTheDossierAnotherDealLeadGets404() throws Exception {
        String id = register();
        screenAsAnna(id, "Gemeente Zwolle");

        for (UserRequestPostProcessor reader : List.of(OFFICE, ANNA)) {
            mvc.perform(get("/api/deals/" + id + "/dossier").with(reader))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$", hasSize(1)))
                    .andExpect(jsonPath("$[0].activityId").value(CityDealProcess.Activity.SCREEN_PARTICIPANT))
                    .andExpect(jsonPath("$[0].taskName").value("Deelnemer screenen op toegevoegde waarde"))
                    .andExpect(jsonPath("$[0].phase").value("PREPARATION"))
                    .andExpect(jsonPath("$[0].phaseLabel").value("Voorbereiding"))
                    .andExpect(jsonPath("$[0].completedBy").value("anna"))
                    .andExpect(jsonPath("$[0].completedByName").value("Anna Jansen"))
                    .andExpect(jsonPath("$[0].completedAt").isNotEmpty())
                    .andExpect(jsonPath("$[0].lesson").isNotEmpty())
                    .andExpect(jsonPath("$[0].fields[?(@.key == 'participantName')].value")
                            .value("Gemeente Zwolle"))
                    .andExpect(jsonPath("$[0].fields[?(@.key == 'participantAccepted')].value")
                            .value("ja"))
                    .andExpect(jsonPath("$[0].fields[?(@.key == 'participantType')].value")
                            .value("Gemeente"));
        }
        mvc.perform(get("/api/deals/" + id + "/dossier").with(BRAM))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Deal %s bestaat niet.".formatted(id)));
        mvc.perform(get("/api/deals/no-such-deal/dossier").with(OFFICE))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theDealPageShowsEachCompletedFormUnderItsPhaseWithWhoByNameWhenAndTheAnswersEscaped() throws Exception {
        String id = register();
        screenAsAnna(id, "<b>Gemeente</b> & Co");

        mvc.perform(get("/deals/" + id).with(ANNA))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"dossier\"")))
                .andExpect(content().string(containsString(">Voorbereiding</h3>")))
                .andExpect(content().string(containsString(">Deelnemer screenen op toegevoegde waarde<")))
                .andExpect(content().string(containsString("door <span>Anna Jansen</span>")))
                .andExpect(content().string(not(containsString("door <span>anna</span>"))))
                .andExpect(content().string(containsString("&lt;b&gt;Gemeente&lt;/b&gt; &amp; Co")))
                .andExpect(content().string(not(containsString("<b>Gemeente</b>"))));
    }

    private String register() throws Exception {
        String response = mvc.perform(post("/api/deals")
                        .with(OFFICE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"City Deal Dossier","theme":"dossier","leadOrganisation":"Gemeente Zwolle",
                                 "dealLead":"anna"}"""))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    /** Anna screens the deal's first participant through the form, as Tasklist would. */
    private void screenAsAnna(String dealId, String participant) {
        String instance = runtimeService
                .createProcessInstanceQuery()
                .variableValueEquals(DEAL_ID, dealId)
                .singleResult()
                .getId();
        identityService.setAuthentication("anna", List.of(Role.DEAL_LEAD.groupId()));
        try {
            Task screening = taskService
                    .createTaskQuery()
                    .processInstanceId(instance)
                    .taskDefinitionKey(CityDealProcess.Activity.SCREEN_PARTICIPANT)
                    .listPage(0, 1)
                    .get(0);
            formService.submitTaskForm(
                    screening.getId(),
                    Map.of(
                            CityDealProcess.Variable.PARTICIPANT_NAME,
                            participant,
                            CityDealProcess.Variable.PARTICIPANT_TYPE,
                            "MUNICIPALITY",
                            CityDealProcess.Variable.PARTICIPANT_ADDED_VALUE,
                            "Pilotlocaties",
                            CityDealProcess.Variable.PARTICIPANT_ACCEPTED,
                            true,
                            CityDealProcess.Variable.MORE_PARTICIPANTS,
                            false));
        } finally {
            identityService.clearAuthentication();
        }
    }
}
