package nl.citydeal.engine.portfolio;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealDecision;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.Participant;
import nl.citydeal.engine.dossier.DealDocuments;
import nl.citydeal.engine.dossier.Dossier.PhaseSteps;
import nl.citydeal.engine.lesson.Lesson;
import nl.citydeal.engine.lesson.Lessons;
import nl.citydeal.engine.prompt.Prompt;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.prompt.Prompts;
import nl.citydeal.engine.system.NotFoundException;

/**
 * Everything about one deal for its page: term and prompts on a timeline, participants, decisions, lessons, readiness,
 * and the completed steps with their forms' answers per phase.
 */
@Service
@Transactional(readOnly = true)
public class DealDossier {

    private final DealRegistry registry;
    private final Prompts promptLog;
    private final Lessons lessons;
    private final ScalingReadiness readiness;
    private final nl.citydeal.engine.dossier.Dossier steps;
    private final DealDocuments documents;
    private final Clock clock;

    public DealDossier(
            DealRegistry registry,
            Prompts promptLog,
            Lessons lessons,
            ScalingReadiness readiness,
            nl.citydeal.engine.dossier.Dossier steps,
            DealDocuments documents,
            Clock clock) {
        this.registry = registry;
        this.promptLog = promptLog;
        this.lessons = lessons;
        this.readiness = readiness;
        this.steps = steps;
        this.documents = documents;
        this.clock = clock;
    }

    /** The deal's dossier; a deal that does not exist, or that {@code onlyLead} (when set) does not lead, is not found. */
    public Dossier of(String dealId, String onlyLead) {
        Deal deal = visible(dealId, onlyLead);
        Instant now = clock.instant();
        List<Prompt> prompts = promptLog.forDeal(dealId);
        List<DealDecision> decisions = registry.decisions(dealId);
        Set<PromptKind> seen = EnumSet.noneOf(PromptKind.class);
        List<TimelineEntry> timeline = prompts.stream()
                .map(p -> new TimelineEntry(p, TimelineState.of(p, now), seen.add(p.getKind())))
                .toList();
        List<LocalDate> dates = new ArrayList<>();
        dates.add(deal.getSignedOn());
        dates.add(deal.getEndsOn());
        prompts.forEach(p -> dates.add(PortfolioDates.localDay(p.getDueAt())));
        TimeAxis axis = TimeAxis.over(dates, LocalDate.now(clock.withZone(PromptSchedule.ZONE)));
        return new Dossier(
                deal,
                timeline,
                axis,
                registry.participants(dealId),
                decisions,
                lessons.ofDeal(dealId),
                readiness.of(deal),
                steps.byPhase(dealId),
                documents.of(dealId),
                DealHistory.of(decisions, steps.of(dealId), prompts),
                registry.exists(nullToEmpty(deal.getPredecessorId())),
                registry.exists(nullToEmpty(deal.getSuccessorId())));
    }

    /**
     * The deal, if it exists and {@code onlyLead} (when set) leads it or is one of its deputies; not found otherwise,
     * as if it did not exist.
     */
    public Deal visible(String dealId, String onlyLead) {
        Deal deal = registry.get(dealId);
        if (onlyLead != null && !deal.isLedBy(onlyLead)) {
            throw new NotFoundException("Deal %s bestaat niet.".formatted(dealId));
        }
        return deal;
    }

    private static String nullToEmpty(String id) {
        return id == null ? "" : id;
    }

    /**
     * A deal's page. The steps are the deal's dossier: its completed forms per phase; the documents its uploaded files
     * (without their bytes). The predecessor and successor
     * are linked only when they are in the registry.
     */
    public record Dossier(
            Deal deal,
            List<TimelineEntry> timeline,
            TimeAxis axis,
            List<Participant> participants,
            List<DealDecision> decisions,
            List<Lesson> lessons,
            List<ScalingReadiness.Item> readiness,
            List<PhaseSteps> steps,
            List<DealDocuments.Listed> documents,
            List<DealHistory.Line> history,
            boolean predecessorKnown,
            boolean successorKnown) {

        public long overduePrompts() {
            return timeline.stream()
                    .filter(e -> e.state() == TimelineState.OVERDUE)
                    .count();
        }

        /** The history's newest lines, at most {@code max}. */
        public List<DealHistory.Line> latestHistory(int max) {
            return history.subList(0, Math.min(max, history.size()));
        }

        public long admittedParticipants() {
            return participants.stream().filter(Participant::isAccepted).count();
        }
    }

    /** A prompt on the timeline, with where it stands today; the first of each kind shows the lesson behind it. */
    public record TimelineEntry(Prompt prompt, TimelineState state, boolean firstOfKind) {

        public LocalDate dueOn() {
            return PortfolioDates.localDay(prompt.getDueAt());
        }
    }

    /** Where a prompt stands today, in Dutch. */
    public enum TimelineState {
        PLANNED("gepland"),
        DUE("open"),
        OVERDUE("achterstallig"),
        DONE("gedaan"),
        CANCELLED("vervallen");

        private final String label;

        TimelineState(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String css() {
            return name().toLowerCase(Locale.ROOT);
        }

        static TimelineState of(Prompt prompt, Instant now) {
            if (prompt.isOverdue(now)) {
                return OVERDUE;
            }
            return switch (prompt.getStatus()) {
                case PLANNED -> PLANNED;
                case DUE -> DUE;
                case DONE -> DONE;
                case CANCELLED -> CANCELLED;
            };
        }
    }
}
