package nl.citydeal.engine.portfolio.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.DealDecision;
import nl.citydeal.engine.deal.DealSetup;
import nl.citydeal.engine.deal.ParticipantType;
import nl.citydeal.engine.deal.ReviewOutcome;
import nl.citydeal.engine.portfolio.DealHistory;
import nl.citydeal.engine.portfolio.PortfolioDates;
import nl.citydeal.engine.portfolio.ProcessPosition;
import nl.citydeal.engine.system.PersonNames;

/** Dutch words and dates for the portfolio pages ({@code ${@portfolioLabels.day(date)}} in the templates). */
@Component
public class PortfolioLabels {

    private static final Map<DealDecision.Kind, String> DECISIONS = Map.ofEntries(
            Map.entry(DealDecision.Kind.REGISTERED, "Geregistreerd"),
            Map.entry(DealDecision.Kind.PROPOSAL_REVIEWED, "Voorstel beoordeeld"),
            Map.entry(DealDecision.Kind.SIGNED, "Ondertekend"),
            Map.entry(DealDecision.Kind.TERM_CHANGED, "Looptijd gewijzigd"),
            Map.entry(DealDecision.Kind.PARTICIPANT_SCREENED, "Deelnemer gescreend"),
            Map.entry(DealDecision.Kind.LEAD_CHANGED, "Dealtrekker gewijzigd"),
            Map.entry(DealDecision.Kind.PEOPLE_CHANGED, "Mensen gewijzigd"),
            Map.entry(DealDecision.Kind.EXPERIMENTATION_ENDED, "Experimenteerfase beëindigd"),
            Map.entry(DealDecision.Kind.SCALING_DECIDED, "Opschalingsbesluit"),
            Map.entry(DealDecision.Kind.CLOSED, "Afgesloten"),
            Map.entry(DealDecision.Kind.ABANDONED, "Afgeblazen"),
            Map.entry(DealDecision.Kind.SCALING_DECISION_REFUSED, "Opschalingsbesluit teruggestuurd"),
            Map.entry(DealDecision.Kind.EARLY_END_REFUSED, "Vroegtijdig einde teruggestuurd"),
            Map.entry(DealDecision.Kind.EXTENSION_REFUSED, "Verlenging geweigerd"),
            Map.entry(DealDecision.Kind.HAND_OVER_FAILED, "Overdracht mislukt"),
            Map.entry(DealDecision.Kind.SCALING_INTENT_CHANGED, "Wat moet opschalen aangescherpt"),
            Map.entry(DealDecision.Kind.PROMPTS_RESCHEDULED, "Herinneringen verschoven (nieuw schema)"));

    /** The candidate groups of the models (identity.Role's group ids) by the name users know them by. */
    private static final Map<String, String> GROUPS =
            Map.of("programme-office", "Programmabureau", "deal-leads", "Dealtrekkers", "camunda-admin", "Beheerders");

    private static final Map<ParticipantType, String> PARTICIPANT_TYPES = Map.of(
            ParticipantType.MUNICIPALITY, "Gemeente",
            ParticipantType.MINISTRY, "Ministerie",
            ParticipantType.PROVINCE, "Provincie",
            ParticipantType.WATER_BOARD, "Waterschap",
            ParticipantType.KNOWLEDGE_INSTITUTION, "Kennisinstelling",
            ParticipantType.COMPANY, "Bedrijf",
            ParticipantType.CIVIL_SOCIETY, "Maatschappelijke organisatie");

    private static final Map<ReviewOutcome, String> REVIEW_OUTCOMES = Map.of(
            ReviewOutcome.APPROVE, "Goedgekeurd",
            ReviewOutcome.SEND_BACK, "Teruggestuurd",
            ReviewOutcome.ABANDON, "Afgeblazen");

    public String day(LocalDate date) {
        return PortfolioDates.day(date);
    }

    public String day(Instant instant) {
        return PortfolioDates.day(instant);
    }

    public String moment(Instant instant) {
        return PortfolioDates.moment(instant);
    }

    public String decision(DealDecision.Kind kind) {
        return DECISIONS.getOrDefault(kind, kind.name());
    }

    /** A decision's summary; a review's starts with its outcome (stored as its form value), here in Dutch. */
    public String summary(DealDecision decision) {
        String summary = decision.getSummary();
        ReviewOutcome outcome = decision.getOutcome();
        if (outcome != null && summary.startsWith(outcome.name())) {
            return REVIEW_OUTCOMES.get(outcome)
                    + summary.substring(outcome.name().length());
        }
        return summary;
    }

    /**
     * Who took the decision: one name, or for a joint decision who proposed it and who confirmed (or refused) it;
     * people by their name as {@code names} has it (their user id when they have none).
     */
    public String decidedBy(DealDecision decision, PersonNames.Names names) {
        String by = decision.getDecidedBy() == null ? "systeem" : names.of(decision.getDecidedBy());
        if (decision.getProposedBy() == null) {
            return by;
        }
        return "voorgesteld door %s (%s), beantwoord door %s"
                .formatted(names.of(decision.getProposedBy()), moment(decision.getProposedAt()), by);
    }

    /**
     * Who has an open task: its assignee by name, else the groups that may take it (the programme office by its
     * name).
     */
    public String taskHolder(ProcessPosition.OpenTask task, PersonNames.Names names) {
        if (task.assignee() != null) {
            return names.of(task.assignee());
        }
        if (task.candidateGroups().isEmpty()) {
            return "nog niemand";
        }
        return task.candidateGroups().stream()
                .map(group -> GROUPS.getOrDefault(group, group))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** What a history line says happened, in Dutch. */
    public String happened(DealHistory.Line line) {
        return switch (line.source()) {
            case DECISION -> decision(line.decision().getKind());
            case STEP ->
                "Stap afgerond: "
                        + (line.step().getTaskName() != null
                                ? line.step().getTaskName()
                                : line.step().getActivityId());
            case PROMPT_FIRED -> "Prompt verstuurd: " + line.prompt().getKind().label();
            case PROMPT_DONE -> "Prompt gedaan: " + line.prompt().getKind().label();
        };
    }

    /** Who did what a history line says: a decision as {@link #decidedBy}, else the user by name, or "systeem". */
    public String historyWho(DealHistory.Line line, PersonNames.Names names) {
        if (line.source() == DealHistory.Source.DECISION) {
            return decidedBy(line.decision(), names);
        }
        return line.who() == null ? "systeem" : names.of(line.who());
    }

    public String participantType(ParticipantType type) {
        return type == null ? "" : PARTICIPANT_TYPES.getOrDefault(type, type.name());
    }

    public String setup(DealSetup setup) {
        if (setup == null) {
            return "nog niet gekozen";
        }
        return setup == DealSetup.TWO_PART ? "Twee delen (relaties en doelen, dan realisatie)" : "Eén deel";
    }
}
