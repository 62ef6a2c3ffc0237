package nl.citydeal.engine.deal.web;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.UserRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.DealDecision;
import nl.citydeal.engine.deal.DealPeople;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.processengine.CityDealProcess;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.DEAL_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The people of a deal per role, through the API and the deal page, and what a deputy may do with the deal's
 * deal-lead tasks in the engine (authorization on): claim and complete them while a deputy, nothing once removed.
 */
@CityDealSpringTest
@AutoConfigureMockMvc
class DealPeopleWebTest {

    static final UserRequestPostProcessor OFFICE = user("petra").authorities(() -> Role.PROGRAMME_OFFICE.authority());
    static final UserRequestPostProcessor ADMIN = user("beheer").authorities(() -> Role.ADMINISTRATOR.authority());
    static final UserRequestPostProcessor ANNA = user("anna").authorities(() -> Role.DEAL_LEAD.authority());
    static final UserRequestPostProcessor CARLA = user("carla").authorities(() -> Role.DEAL_LEAD.authority());
    static final UserRequestPostProcessor BRAM = user("bram").authorities(() -> Role.DEAL_LEAD.authority());

    @Autowired
    MockMvc mvc;

    @Autowired
    IdentityService identityService;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    FilterService filterService;

    @Autowired
    DealRegistry registry;

    @Autowired
    DealPeople people;

    @BeforeEach
    void dealLeads() {
        for (String lead : new String[] {"anna", "bram", "carla"}) {
            if (identityService.createUserQuery().userId(lead).count() == 0) {
                identityService.saveUser(identityService.newUser(lead));
                identityService.createMembership(lead, Role.DEAL_LEAD.groupId());
            }
        }
    }

    @Test
    void theOfficeAndTheLeadEditTheDeputySeesAndEditsAnotherLeadGets404AndAnAdministratorOnlyReads() throws Exception {
        String id = register();
        long participant = registry.participants(id).get(0).getId();

        change(id, OFFICE, """
                        {"deputies":["carla"],
                         "administrativeLeads":[{"name":"Jan de Wethouder","organisation":"wethouder, gemeente Zwolle",
                                                 "email":"jan@zwolle.nl"}]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dealLead").value("anna"))
                .andExpect(jsonPath("$.deputies", hasSize(1)))
                .andExpect(jsonPath("$.deputies[0]").value("carla"))
                .andExpect(jsonPath("$.administrativeLeads[0].name").value("Jan de Wethouder"))
                .andExpect(jsonPath("$.administrativeLeads[0].email").value("jan@zwolle.nl"));

        change(id, ANNA, """
                        {"deputies":["carla"],
                         "administrativeLeads":[{"name":"Jan de Wethouder","organisation":"wethouder, gemeente Zwolle",
                                                 "email":"jan@zwolle.nl"}],
                         "contacts":[{"participantId":%d,"name":"Els Contact","role":"projectleider",
                                      "email":"els@zwolle.nl"}]}""".formatted(participant))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.contacts[0].participant").value("Gemeente Zwolle"))
                .andExpect(jsonPath("$.contacts[0].name").value("Els Contact"));

        // the deputy sees the deal everywhere its lead does, and edits its people
        mvc.perform(get("/api/deals/" + id).with(CARLA)).andExpect(status().isOk());
        mvc.perform(get("/api/deals/" + id + "/dossier").with(CARLA)).andExpect(status().isOk());
        mvc.perform(get("/api/deals").with(CARLA).param("size", "200"))
                .andExpect(jsonPath("$.content[*].id", hasItem(id)));
        mvc.perform(get("/deals/" + id).with(CARLA))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"mensen\"")))
                .andExpect(content().string(containsString("Jan de Wethouder")))
                .andExpect(content().string(containsString("Els Contact")))
                .andExpect(content().string(containsString("action=\"/deals/" + id + "/people\"")));
        change(id, CARLA, """
                        {"deputies":["carla"],
                         "administrativeLeads":[{"name":"Jan de Wethouder","organisation":"wethouder, gemeente Zwolle",
                                                 "email":"jan@zwolle.nl"},
                                                {"name":"Mies Gedeputeerde","organisation":"provincie Overijssel"}],
                         "contacts":[{"participantId":%d,"name":"Els Contact","role":"projectleider",
                                      "email":"els@zwolle.nl"}]}""".formatted(participant))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.administrativeLeads", hasSize(2)));

        // another deal lead: the 404 of a deal that does not exist, through every door
        mvc.perform(get("/api/deals/" + id + "/people").with(BRAM))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        change(id, BRAM, "{\"deputies\":[\"bram\"]}")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/deals/" + id + "/people")
                        .param("deputies", "bram")
                        .with(BRAM)
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/deals/" + id).with(BRAM)).andExpect(status().isNotFound());
        mvc.perform(get("/api/deals").with(BRAM).param("size", "200"))
                .andExpect(jsonPath("$.content[*].id", not(hasItem(id))));

        // an administrator sees the people but does not change them
        mvc.perform(get("/api/deals/" + id + "/people").with(ADMIN)).andExpect(status().isOk());
        change(id, ADMIN, "{\"deputies\":[]}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(DealPeople.NOT_ALLOWED));

        assertThat(registry.get(id).getDeputies()).containsExactly("carla");
        List<DealDecision> changes = registry.decisions(id).stream()
                .filter(d -> d.getKind() == DealDecision.Kind.PEOPLE_CHANGED)
                .toList();
        assertThat(changes).extracting(DealDecision::getDecidedBy).containsExactly("petra", "anna", "carla");
        assertThat(changes.get(0).getSummary())
                .contains("Plaatsvervangers: carla toegevoegd")
                .contains("Jan de Wethouder (wethouder, gemeente Zwolle, jan@zwolle.nl)");
        assertThat(changes.get(1).getSummary()).contains("Contactpersoon Gemeente Zwolle: Els Contact");
        assertThat(changes).allSatisfy(d -> assertThat(d.getDecidedAt()).isNotNull());
    }

    @Test
    void badInputIsRefusedInDutchPerFieldAndChangesNothing() throws Exception {
        String id = register();
        change(id, OFFICE, "{\"deputies\":[\"carla\"],\"administrativeLeads\":[{\"name\":\"Jan\"}]}")
                .andExpect(status().isOk());

        change(id, ANNA, """
                        {"deputies":["anna","onbekend","carla","carla"],
                         "administrativeLeads":[{"name":" ","email":"jan@"},{"name":"Piet","email":"geen adres"}],
                         "contacts":[{"participantId":999999999,"name":"Els"}]}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors['deputies[0]']", containsString("is de dealtrekker zelf")))
                .andExpect(jsonPath("$.errors['deputies[1]']", containsString("is geen dealtrekker")))
                .andExpect(jsonPath("$.errors['deputies[3]']", containsString("staat al bij de plaatsvervangers")))
                .andExpect(jsonPath("$.errors['administrativeLeads[0].name']")
                        .value("Naam van de bestuurder is verplicht."))
                .andExpect(
                        jsonPath("$.errors['administrativeLeads[0].email']", containsString("geen geldig e-mailadres")))
                .andExpect(
                        jsonPath("$.errors['administrativeLeads[1].email']", containsString("geen geldig e-mailadres")))
                .andExpect(
                        jsonPath("$.errors['contacts[0].participantId']").value("Kies een deelnemer van deze deal."));
        change(id, ANNA, "{\"administrativeLeads\":[{\"name\":\"Jan\"},{\"name\":\"jan\"}],\"deputies\":[\"carla\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['administrativeLeads[1].name']", containsString("staat er al")));

        mvc.perform(post("/deals/" + id + "/people")
                        .param("deputies", "")
                        .param("adminName", "Jan")
                        .param("adminOrganisation", "")
                        .param("adminEmail", "jan-at-zwolle")
                        .with(ANNA)
                        .with(csrf()))
                .andExpect(redirectedUrl("/deals/" + id + "#mensen"))
                .andExpect(flash().attribute("peopleError", containsString("Niets gewijzigd.")))
                .andExpect(flash().attribute("peopleError", containsString("geen geldig e-mailadres")));

        DealPeople.People now = people.of(id);
        assertThat(now.deputies()).containsExactly("carla");
        assertThat(now.administrativeLeads())
                .singleElement()
                .satisfies(l -> assertThat(l.name()).isEqualTo("Jan"));
        assertThat(registry.decisions(id).stream()
                        .filter(d -> d.getKind() == DealDecision.Kind.PEOPLE_CHANGED)
                        .count())
                .isEqualTo(1);
    }

    @Test
    void theDealPageFormSavesWithItsCsrfTokenAndRefusesAPostWithout() throws Exception {
        String id = register();
        long participant = registry.participants(id).get(0).getId();

        mvc.perform(get("/deals/" + id).with(ANNA))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Mensen wijzigen")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(post("/deals/" + id + "/people").param("deputies", "carla").with(ANNA))
                .andExpect(status().isForbidden());
        assertThat(people.of(id).deputies()).isEmpty();

        mvc.perform(post("/deals/" + id + "/people")
                        .param("deputies", "carla")
                        .param("adminName", "Jan de Wethouder", "")
                        .param("adminOrganisation", "gemeente Zwolle", "")
                        .param("adminEmail", "jan@zwolle.nl", "")
                        .param("contactParticipant", String.valueOf(participant))
                        .param("contactName", "Els Contact")
                        .param("contactRole", "projectleider")
                        .param("contactEmail", "els@zwolle.nl")
                        .with(ANNA)
                        .with(csrf()))
                .andExpect(redirectedUrl("/deals/" + id + "#mensen"))
                .andExpect(flash().attribute("peopleNotice", "De mensen van de deal zijn opgeslagen."));
        DealPeople.People now = people.of(id);
        assertThat(now.deputies()).containsExactly("carla");
        assertThat(now.administrativeLeads())
                .singleElement()
                .satisfies(l -> assertThat(l.email()).isEqualTo("jan@zwolle.nl"));
        assertThat(now.contacts())
                .singleElement()
                .satisfies(c -> assertThat(c.contact().role()).isEqualTo("projectleider"));
        mvc.perform(get("/deals/" + id).with(OFFICE)).andExpect(content().string(containsString("Mensen gewijzigd")));
    }

    @Test
    void aDeputyClaimsAndCompletesADealLeadTaskThroughTheEngineAndLosesTheDealWhenRemoved() throws Exception {
        String id = register();
        String instance = runtimeService
                .createProcessInstanceQuery()
                .variableValueEquals(DEAL_ID, id)
                .singleResult()
                .getId();
        Task first = openTask(instance);
        assertThat(first.getAssignee()).isEqualTo("anna");
        as(
                "carla",
                () -> assertThat(taskService
                                .createTaskQuery()
                                .processInstanceId(instance)
                                .count())
                        .isZero());

        people.change(id, new DealPeople.Change(List.of("carla"), List.of(), List.of()), "petra");

        // the lead's open task is the team's now: both may see and claim it, no one else
        Task offered = openTask(instance);
        assertThat(offered.getAssignee()).isNull();
        as(
                "carla",
                () -> assertThat(filterService.count(
                                filterService
                                        .createFilterQuery()
                                        .filterName("Taken van mijn deals om op te pakken")
                                        .singleResult()
                                        .getId(),
                                taskService.createTaskQuery().processInstanceId(instance)))
                        .isOne());
        as(
                "bram",
                () -> assertThat(taskService
                                .createTaskQuery()
                                .processInstanceId(instance)
                                .count())
                        .isZero());
        as("carla", () -> {
            assertThat(runtimeService
                            .createProcessInstanceQuery()
                            .processInstanceId(instance)
                            .count())
                    .isOne();
            assertThat(taskService.createTaskQuery().processInstanceId(instance).count())
                    .isOne();
            taskService.claim(offered.getId(), "carla");
            taskService.complete(
                    offered.getId(),
                    Map.of(
                            CityDealProcess.Variable.PARTICIPANT_NAME, "Provincie Overijssel",
                            CityDealProcess.Variable.PARTICIPANT_TYPE, "PROVINCE",
                            CityDealProcess.Variable.PARTICIPANT_ADDED_VALUE, "Regionale middelen",
                            CityDealProcess.Variable.PARTICIPANT_ACCEPTED, true,
                            CityDealProcess.Variable.MORE_PARTICIPANTS, false));
        });
        assertThat(registry.participants(id)).extracting(p -> p.getName()).contains("Provincie Overijssel");

        // the next deal-lead task is created for the team at once; carla claims it, then is removed
        Task next = openTask(instance);
        assertThat(next.getAssignee()).isNull();
        assertThat(taskService.getIdentityLinksForTask(next.getId()))
                .extracting(link -> link.getUserId())
                .contains("anna", "carla");
        as("carla", () -> taskService.claim(next.getId(), "carla"));

        people.change(id, new DealPeople.Change(List.of(), List.of(), List.of()), "anna");

        Task back = openTask(instance);
        assertThat(back.getAssignee()).isEqualTo("anna");
        as("carla", () -> {
            assertThat(taskService.createTaskQuery().processInstanceId(instance).count())
                    .isZero();
            assertThat(runtimeService
                            .createProcessInstanceQuery()
                            .processInstanceId(instance)
                            .count())
                    .isZero();
            assertThatThrownBy(() -> taskService.claim(back.getId(), "carla")).isNotNull();
            assertThatThrownBy(() -> taskService.complete(back.getId(), Map.of()))
                    .isNotNull();
        });
        assertThat(authorizationService
                        .createAuthorizationQuery()
                        .userIdIn("carla")
                        .resourceType(Resources.TASK)
                        .resourceId(back.getId())
                        .count())
                .isZero();
        mvc.perform(get("/api/deals/" + id).with(CARLA)).andExpect(status().isNotFound());
        as(
                "anna",
                () -> assertThat(taskService
                                .createTaskQuery()
                                .processInstanceId(instance)
                                .count())
                        .isOne());
    }

    @Test
    void aDeputyWhoBecomesTheLeadIsNoLongerADeputyAndKeepsTheDeal() throws Exception {
        String id = register();
        people.change(id, new DealPeople.Change(List.of("carla"), List.of(), List.of()), "petra");

        registry.changeLead(id, "carla", "petra");

        assertThat(registry.get(id).getDealLead()).isEqualTo("carla");
        assertThat(registry.get(id).getDeputies()).isEmpty();
        String instance = runtimeService
                .createProcessInstanceQuery()
                .variableValueEquals(DEAL_ID, id)
                .singleResult()
                .getId();
        assertThat(openTask(instance).getAssignee()).isEqualTo("carla");
        mvc.perform(get("/api/deals/" + id).with(CARLA)).andExpect(status().isOk());
        mvc.perform(get("/api/deals/" + id).with(ANNA)).andExpect(status().isNotFound());
    }

    private Task openTask(String instance) {
        return taskService.createTaskQuery().processInstanceId(instance).singleResult();
    }

    private void as(String userId, Runnable step) {
        identityService.setAuthentication(userId, List.of(Role.DEAL_LEAD.groupId()));
        try {
            step.run();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private ResultActions change(String id, UserRequestPostProcessor who, String body) throws Exception {
        return mvc.perform(put("/api/deals/" + id + "/people")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private String register() throws Exception {
        String response = mvc.perform(post("/api/deals")
                        .with(OFFICE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"City Deal Mensen","theme":"mensen","leadOrganisation":"Gemeente Zwolle",
                                 "dealLead":"anna",
                                 "participants":[{"name":"Gemeente Zwolle","type":"MUNICIPALITY",
                                                  "addedValue":"Trekker van de opgave","accepted":true}]}"""))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(response, "$.id");
    }
}
