package nl.citydeal.engine.portfolio;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealDecision;
import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.Participant;
import nl.citydeal.engine.deal.ReviewOutcome;
import nl.citydeal.engine.prompt.Prompt;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptSchedule;
import nl.citydeal.engine.prompt.PromptStatus;
import nl.citydeal.engine.prompt.Prompts;

/**
 * How ready a deal is to scale, derived from what happened in its process (never typed in): the lessons of
 * <em>Opschaling van City Deals</em> as a short checklist. A date-bound item counts as on time when it was done on
 * or before its date (Europe/Amsterdam). A running deal that was imported after an item's date cannot show what
 * happened before the import: that item is "onbekend", not "nee".
 */
@Service
@Transactional(readOnly = true)
public class ScalingReadiness {

    static final String OWNERSHIP_LESSON = PromptKind.OWNERSHIP_CONVERSATION.lesson();
    static final String RESOURCES_LESSON =
            "Middelen: bestuurlijk commitment moet gepaard gaan met middelen (geld en menskracht) voor de uitvoering.";
    static final String PARTICIPANTS_LESSON =
            "Deelnemers: screen kritisch op toegevoegde waarde; niet iedereen die wil aanhaken, hoort erbij.";
    static final String EXPLORATION_LESSON = PromptKind.SCALING_EXPLORATION.lesson();
    static final String PLAN_LESSON = PromptKind.SCALING_PLAN_DUE.lesson();

    private final DealRegistry registry;
    private final Prompts promptLog;
    private final Clock clock;

    public ScalingReadiness(DealRegistry registry, Prompts promptLog, Clock clock) {
        this.registry = registry;
        this.promptLog = promptLog;
        this.clock = clock;
    }

    public List<Item> of(Deal deal) {
        return assess(
                DealFacts.of(deal),
                promptLog.forDeal(deal.getId()).stream().map(PromptFact::of).toList(),
                registry.participants(deal.getId()),
                registry.decisions(deal.getId()),
                clock.instant());
    }

    /** The checklist from plain facts. */
    public static List<Item> assess(
            DealFacts deal,
            List<PromptFact> prompts,
            List<Participant> participants,
            List<DealDecision> decisions,
            Instant now) {
        LocalDate today = day(now);
        return List.of(
                ownership(deal, prompts, today),
                resources(deal, decisions),
                participants(deal, participants),
                exploration(deal, prompts, today),
                plan(deal, prompts, today));
    }

    static Item ownership(DealFacts deal, List<PromptFact> prompts, LocalDate today) {
        String question = "Eigenaarschap vroeg besproken (vóór de verkenning van opschaling)?";
        if (!deal.signed()) {
            return new Item(question, Status.NOT_YET, "Nog niet ondertekend.", OWNERSHIP_LESSON);
        }
        Optional<PromptFact> exploration = first(prompts, PromptKind.SCALING_EXPLORATION);
        if (exploration.isEmpty()) {
            return new Item(question, Status.UNKNOWN, "Geen verkenning van opschaling gepland.", OWNERSHIP_LESSON);
        }
        return byDeadline(
                question,
                deal,
                first(prompts, PromptKind.OWNERSHIP_CONVERSATION),
                day(exploration.get().dueAt()),
                today,
                "Eigenaarschapsgesprek",
                OWNERSHIP_LESSON);
    }

    static Item resources(DealFacts deal, List<DealDecision> decisions) {
        String question = "Middelen toegezegd?";
        List<DealDecision> reviews = decisions.stream()
                .filter(d -> d.getKind() == DealDecision.Kind.PROPOSAL_REVIEWED)
                .toList();
        Optional<DealDecision> approval = reviews.stream()
                .filter(d -> d.getOutcome() == ReviewOutcome.APPROVE)
                .findFirst();
        if (approval.isPresent()) {
            return new Item(
                    question,
                    Status.YES,
                    "Voorstel met commitment en middelen goedgekeurd op %s."
                            .formatted(PortfolioDates.day(approval.get().getDecidedAt())),
                    RESOURCES_LESSON);
        }
        if (deal.imported()) {
            return new Item(
                    question,
                    Status.UNKNOWN,
                    "Lopende deal geïmporteerd: de voorbereiding is niet vastgelegd.",
                    RESOURCES_LESSON);
        }
        if (reviews.stream().anyMatch(d -> d.getOutcome() == ReviewOutcome.ABANDON)) {
            return new Item(question, Status.NO, "Voorstel afgeblazen.", RESOURCES_LESSON);
        }
        if (deal.phase() == DealPhase.PREPARATION) {
            return new Item(
                    question,
                    Status.NOT_YET,
                    reviews.isEmpty()
                            ? "Het voorstel is nog niet beoordeeld."
                            : "Voorstel teruggestuurd; nog niet goedgekeurd.",
                    RESOURCES_LESSON);
        }
        return new Item(
                question,
                Status.YES,
                "De deal kwam door de poort van de voorbereiding, die middelen eist.",
                RESOURCES_LESSON);
    }

    static Item participants(DealFacts deal, List<Participant> participants) {
        String question = "Deelnemers kritisch gescreend?";
        long screened = participants.size();
        long admitted = participants.stream().filter(Participant::isAccepted).count();
        String counts = "%d gescreend, %d toegelaten.".formatted(screened, admitted);
        if (admitted > 0) {
            return new Item(question, Status.YES, counts, PARTICIPANTS_LESSON);
        }
        if (deal.phase() == DealPhase.PREPARATION) {
            return new Item(
                    question, Status.NOT_YET, screened == 0 ? "Nog niemand gescreend." : counts, PARTICIPANTS_LESSON);
        }
        if (screened == 0 && deal.imported()) {
            return new Item(
                    question, Status.UNKNOWN, "Lopende deal geïmporteerd zonder deelnemers.", PARTICIPANTS_LESSON);
        }
        return new Item(question, Status.NO, counts, PARTICIPANTS_LESSON);
    }

    static Item exploration(DealFacts deal, List<PromptFact> prompts, LocalDate today) {
        String question = "Opschaling verkend vóór de tussenbalans?";
        if (!deal.signed()) {
            return new Item(question, Status.NOT_YET, "Nog niet ondertekend.", EXPLORATION_LESSON);
        }
        Optional<PromptFact> midTerm = first(prompts, PromptKind.MID_TERM_REVIEW);
        if (midTerm.isEmpty()) {
            return new Item(question, Status.UNKNOWN, "Geen tussenbalans gepland.", EXPLORATION_LESSON);
        }
        return byDeadline(
                question,
                deal,
                first(prompts, PromptKind.SCALING_EXPLORATION),
                day(midTerm.get().dueAt()),
                today,
                "Verkenning",
                EXPLORATION_LESSON);
    }

    static Item plan(DealFacts deal, List<PromptFact> prompts, LocalDate today) {
        String question = "Opschalingsplan op tijd?";
        if (!deal.signed()) {
            return new Item(question, Status.NOT_YET, "Nog niet ondertekend.", PLAN_LESSON);
        }
        Optional<PromptFact> plan = first(prompts, PromptKind.SCALING_PLAN_DUE);
        if (plan.isEmpty()) {
            return new Item(question, Status.UNKNOWN, "Geen opschalingsplan gepland.", PLAN_LESSON);
        }
        return byDeadline(question, deal, plan, day(plan.get().dueAt()), today, "Opschalingsplan", PLAN_LESSON);
    }

    /** Done on or before the deadline: yes; done later, cancelled or still open past it: no; open before it: not yet. */
    private static Item byDeadline(
            String question,
            DealFacts deal,
            Optional<PromptFact> prompt,
            LocalDate deadline,
            LocalDate today,
            String what,
            String lesson) {
        String by = PortfolioDates.day(deadline);
        Optional<LocalDate> done = prompt.filter(p -> p.status() == PromptStatus.DONE && p.doneAt() != null)
                .map(p -> day(p.doneAt()));
        if (done.isPresent() && !done.get().isAfter(deadline)) {
            return new Item(
                    question,
                    Status.YES,
                    "%s gedaan op %s (uiterlijk %s).".formatted(what, PortfolioDates.day(done.get()), by),
                    lesson);
        }
        if (deal.imported() && deal.registeredOn() != null && deadline.isBefore(deal.registeredOn())) {
            return new Item(
                    question,
                    Status.UNKNOWN,
                    "Lopende deal pas op %s geïmporteerd, na de grens van %s."
                            .formatted(PortfolioDates.day(deal.registeredOn()), by),
                    lesson);
        }
        if (done.isPresent()) {
            return new Item(
                    question,
                    Status.NO,
                    "%s pas gedaan op %s (uiterlijk %s).".formatted(what, PortfolioDates.day(done.get()), by),
                    lesson);
        }
        if (prompt.isPresent() && prompt.get().status() == PromptStatus.CANCELLED) {
            return new Item(question, Status.NO, "%s vervallen zonder uitvoering.".formatted(what), lesson);
        }
        if (!today.isAfter(deadline)) {
            return new Item(question, Status.NOT_YET, "Uiterlijk %s.".formatted(by), lesson);
        }
        return new Item(question, Status.NO, "%s niet gedaan; de grens was %s.".formatted(what, by), lesson);
    }

    private static Optional<PromptFact> first(List<PromptFact> prompts, PromptKind kind) {
        return prompts.stream().filter(p -> p.kind() == kind).min(Comparator.comparing(PromptFact::dueAt));
    }

    private static LocalDate day(Instant instant) {
        return instant.atZone(PromptSchedule.ZONE).toLocalDate();
    }

    /** Where an item stands, with its Dutch word and its mark. */
    public enum Status {
        YES("ja", "✓"),
        NO("nee", "✗"),
        NOT_YET("nog niet", "…"),
        UNKNOWN("onbekend", "?");

        private final String label;
        private final String mark;

        Status(String label, String mark) {
            this.label = label;
            this.mark = mark;
        }

        public String label() {
            return label;
        }

        public String mark() {
            return mark;
        }

        /** A CSS-friendly name: yes, no, not-yet, unknown. */
        public String css() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** One item of the checklist: the question, its answer, what it rests on, and the lesson behind it. */
    public record Item(String question, Status status, String detail, String lesson) {}

    /**
     * The facts of a deal the checklist needs. A running deal is imported when it was registered after it was
     * signed; what happened before its registration is not known.
     */
    public record DealFacts(
            DealPhase phase, LocalDate signedOn, LocalDate endsOn, LocalDate registeredOn, boolean imported) {

        /** A deal as registration decided it: a running deal taken in when signed before its registration. */
        public DealFacts(DealPhase phase, LocalDate signedOn, LocalDate endsOn, LocalDate registeredOn) {
            this(phase, signedOn, endsOn, registeredOn, Deal.imported(signedOn, registeredOn));
        }

        public static DealFacts of(Deal deal) {
            return new DealFacts(
                    deal.getPhase(),
                    deal.getSignedOn(),
                    deal.getEndsOn(),
                    deal.getRegisteredAt() == null ? null : day(deal.getRegisteredAt()),
                    deal.isImported());
        }

        public boolean signed() {
            return signedOn != null && endsOn != null;
        }
    }

    /** A prompt as the checklist sees it. */
    public record PromptFact(PromptKind kind, Instant dueAt, PromptStatus status, Instant doneAt) {

        public static PromptFact of(Prompt prompt) {
            return new PromptFact(prompt.getKind(), prompt.getDueAt(), prompt.getStatus(), prompt.getDoneAt());
        }
    }
}
