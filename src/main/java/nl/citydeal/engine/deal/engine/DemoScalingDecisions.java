package nl.citydeal.engine.deal.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.ScalingRoute;
import nl.citydeal.engine.identity.Role;
import nl.citydeal.engine.lesson.LessonTag;
import nl.citydeal.engine.processengine.CityDealProcess;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;

/**
 * In the demo, takes a few finished real deals through their scaling decision as they actually went (see
 * CITY-DEALS.md, "Scaling routes"), with hand-overs, lessons and a final report, so the portfolio shows closed
 * deals with routes and lessons, tagged with the seed's lessons (one deal shares its lessons with the programme
 * office only). The deal lead proposes each decision and the demo's programme office ({@value
 * #PROGRAMME_OFFICE}) confirms it, as the joint decision asks. Runs after the demo deals are registered and before the
 * job executor starts.
 */
@Component
@Profile("demo")
@Order(2)
class DemoScalingDecisions implements ApplicationRunner {

    /**
     * A finished deal's outcome as the demo tells it, with the lessons it shares: each paragraph of the positive and
     * negative text is one lesson, tagged with the seed's lessons it is about; {@code internal} shares them with the
     * programme office only.
     */
    record Ending(
            String dealName,
            String outcome,
            List<ScalingRoute> routes,
            String rationale,
            String positive,
            List<LessonTag> positiveTags,
            String negative,
            List<LessonTag> negativeTags,
            boolean internal) {}

    static final List<Ending> ENDINGS = List.of(
            new Ending(
                    "City Deal Waarden van Groen en Blauw in de Stad",
                    "PARTLY",
                    List.of(ScalingRoute.MERGE),
                    "Het werk gaat verder als werkgroep in City Deal Klimaatadaptatie.",
                    "Natuurlijk kapitaal rekenbaar gemaakt voor gemeenten.\n\n"
                            + "Opgaan in een bestaande deal bleek een betere vorm dan een vervolgdeal.",
                    List.of(LessonTag.VORM),
                    "Te veel kleine pilots zonder gezamenlijke aanpak.",
                    List.of(LessonTag.PROCESVAARDIGHEID, LessonTag.DEELNEMERS),
                    false),
            new Ending(
                    "City Deal Inclusieve Stad",
                    "ACHIEVED",
                    List.of(ScalingRoute.EMBED_IN_POLICY, ScalingRoute.KNOWLEDGE_NETWORK),
                    "Herstart in het nationale programma Eenvoudig Maatwerk.",
                    "Maatwerk voor inwoners werkt als gemeenten en Rijk samen regels buigen.",
                    List.of(LessonTag.EIGENAARSCHAP),
                    "Eigenaarschap bij het Rijk kwam laat op tafel.\n\n"
                            + "Een ministerie trok zich halverwege terug; de deal heeft dat pas laat besproken.",
                    List.of(LessonTag.EIGENAARSCHAP, LessonTag.TIMING),
                    true),
            new Ending(
                    "City Deal Zorg voor Veiligheid in de Stad",
                    "NOT_ACHIEVED",
                    List.of(ScalingRoute.STOP, ScalingRoute.KNOWLEDGE_NETWORK),
                    "De doelen bleken niet haalbaar; de kennis blijft beschikbaar.",
                    "Zorg- en veiligheidspartners kennen elkaar nu.",
                    List.of(LessonTag.DEELNEMERS),
                    "Zonder structurele middelen liep de uitvoering vast.\n\n"
                            + "De deal stopte, maar wat niet werkte is gedeeld met andere steden.",
                    List.of(LessonTag.MIDDELEN, LessonTag.MISLUKKEN),
                    false));

    /** The demo user of the programme office (IdentityBootstrap's demo users) who confirms the decisions. */
    static final String PROGRAMME_OFFICE = "petra";

    private static final Logger log = LoggerFactory.getLogger(DemoScalingDecisions.class);

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final IdentityService identityService;

    DemoScalingDecisions(
            RuntimeService runtimeService,
            TaskService taskService,
            ManagementService managementService,
            IdentityService identityService) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.managementService = managementService;
        this.identityService = identityService;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Ending ending : ENDINGS) {
            ProcessInstance deal = runtimeService
                    .createProcessInstanceQuery()
                    .processDefinitionKey(CityDealProcess.KEY)
                    .variableValueEquals(DEAL_NAME, ending.dealName())
                    .singleResult();
            if (deal == null || !endTerm(deal)) {
                continue;
            }
            complete(
                    deal,
                    CityDealProcess.Activity.ASSESS_OUTCOME,
                    Map.of(
                            OUTCOME,
                            ending.outcome(),
                            OWNERSHIP_SECURED,
                            !"NOT_ACHIEVED".equals(ending.outcome()),
                            STRUCTURAL_FUNDING_FOUND,
                            false,
                            NATIONAL_RELEVANCE,
                            false,
                            REGULATION_IS_BARRIER,
                            false,
                            PARTIES_WANT_TO_CONTINUE,
                            false));
            Map<String, Object> decision = new HashMap<>();
            for (ScalingRoute route : ScalingRoute.values()) {
                decision.put(
                        CityDealProcess.routeVariable(route), ending.routes().contains(route));
            }
            decision.put(SCALING_DECISION_RATIONALE, ending.rationale());
            String dealLead = (String) runtimeService.getVariable(deal.getId(), DEAL_LEAD);
            as(
                    dealLead,
                    Role.DEAL_LEAD,
                    () -> complete(deal, CityDealProcess.Activity.DECIDE_SCALING_ROUTES, decision));
            as(
                    PROGRAMME_OFFICE,
                    Role.PROGRAMME_OFFICE,
                    () -> complete(
                            deal,
                            CityDealProcess.Activity.CONFIRM_SCALING_DECISION_BY_PROGRAMME_OFFICE,
                            Map.of(CONFIRMATION, "CONFIRM")));
            for (Task handOver : taskService
                    .createTaskQuery()
                    .processInstanceId(deal.getId())
                    .list()) {
                if (!handOver.getTaskDefinitionKey().equals(CityDealProcess.Activity.SHARE_LESSONS)) {
                    taskService.complete(
                            handOver.getId(),
                            Map.of(
                                    HAND_OVER_AGREEMENTS,
                                    ending.rationale(),
                                    RECEIVING_ORGANISATION,
                                    "Zie het eindrapport",
                                    KNOWLEDGE_PRODUCTS,
                                    "Handreiking en netwerk",
                                    STOP_REASON,
                                    ending.rationale()));
                }
            }
            complete(
                    deal,
                    CityDealProcess.Activity.SHARE_LESSONS,
                    Map.of(
                            POSITIVE_LESSONS,
                            ending.positive(),
                            POSITIVE_LESSON_TAGS,
                            checklist(ending.positiveTags()),
                            NEGATIVE_LESSONS,
                            ending.negative(),
                            NEGATIVE_LESSON_TAGS,
                            checklist(ending.negativeTags()),
                            LESSONS_INTERNAL,
                            ending.internal()));
            complete(deal, CityDealProcess.Activity.CLOSE_DEAL, Map.of(FINAL_REPORT, ending.rationale()));
        }
        log.info("Took {} finished demo deals through their scaling decision", ENDINGS.size());
    }

    /** The tags as Tasklist sends a checklist: a JSON array of their names, in text. */
    static String checklist(List<LessonTag> tags) {
        return tags.stream().map(tag -> "\"" + tag.name() + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    /** Lets the term of an imported, finished deal run out, as the job executor will do for the others. */
    private boolean endTerm(ProcessInstance deal) {
        Job termEnd = managementService
                .createJobQuery()
                .processInstanceId(deal.getId())
                .activityId(CityDealProcess.Activity.TERM_ENDED)
                .singleResult();
        if (termEnd != null) {
            managementService.executeJob(termEnd.getId());
        }
        return taskService
                        .createTaskQuery()
                        .processInstanceId(deal.getId())
                        .taskDefinitionKey(CityDealProcess.Activity.ASSESS_OUTCOME)
                        .count()
                == 1;
    }

    /** A step of a joint decision, taken as the user of that role would take it in Tasklist. */
    private void as(String userId, Role role, Runnable step) {
        identityService.setAuthentication(userId, List.of(role.groupId()));
        try {
            step.run();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void complete(ProcessInstance deal, String activity, Map<String, Object> variables) {
        Task task = taskService
                .createTaskQuery()
                .processInstanceId(deal.getId())
                .taskDefinitionKey(activity)
                .singleResult();
        taskService.complete(task.getId(), variables);
    }
}
