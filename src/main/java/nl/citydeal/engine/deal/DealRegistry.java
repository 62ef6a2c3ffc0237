package nl.citydeal.engine.deal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.citydeal.engine.deal.DealDecision.Kind;
import nl.citydeal.engine.system.ConflictException;
import nl.citydeal.engine.system.InvalidInputException;
import nl.citydeal.engine.system.NotFoundException;
import nl.citydeal.engine.system.PersonNames;

/**
 * The registry of City Deals. Every change happens in one transaction with the deal's process: a deal is never
 * registered without its process, nor a process step recorded without its deal.
 */
@Service
@Transactional
public class DealRegistry {

    private final DealRepository deals;
    private final ParticipantRepository participants;
    private final DealDecisionRepository decisions;
    private final DealProcesses processes;
    private final DealLeads dealLeads;
    private final DealReferences references;
    private final Clock clock;

    private final PersonNames names;

    public DealRegistry(
            DealRepository deals,
            ParticipantRepository participants,
            DealDecisionRepository decisions,
            DealProcesses processes,
            DealLeads dealLeads,
            PersonNames names,
            DealReferences references,
            Clock clock) {
        this.names = names;
        this.deals = deals;
        this.participants = participants;
        this.decisions = decisions;
        this.processes = processes;
        this.dealLeads = dealLeads;
        this.references = references;
        this.clock = clock;
    }

    /**
     * Registers a deal and starts its process. A deal whose signing date has passed is a running deal being
     * imported: it starts in the phase its dates imply and its past prompts fire at once.
     */
    public Deal register(NewDeal request, String registeredBy) {
        return register(request, registeredBy, null);
    }

    /**
     * Registers a deal with a note on where its data came from (an import's {@code note} column: how exact the dates
     * are, what happened to the real deal), kept with its registration decision; not its ambition.
     */
    public Deal register(NewDeal request, String registeredBy, String sourceNote) {
        Term term = checkRegistration(request.dealLead(), request.signedOn(), request.endsOn());
        Instant registeredAt = clock.instant();
        Deal deal = new Deal(
                UUID.randomUUID().toString(),
                references.next(registeredAt),
                request.name(),
                request.theme(),
                request.leadOrganisation(),
                request.dealLead(),
                request.programmeOfficeContact(),
                request.ambition(),
                registeredAt);
        if (request.setup() != null) {
            deal.agreeSetup(request.setup());
        }
        if (request.predecessorId() != null) {
            deal.follows(request.predecessorId());
        }
        deal.intendToScale(request.scalingIntents());
        LocalDate today = LocalDate.now(clock);
        if (term != null) {
            deal.sign(term, request.staatscourant());
        }
        boolean imported = term != null && Deal.imported(term.signedOn(), today);
        if (imported) {
            deal.takenInRunning();
            if (deal.getSetup() == null) {
                deal.agreeSetup(DealSetup.ONE_PART);
            }
            deal.enter(
                    term.endsOn().isAfter(today) ? DealPhase.EXPERIMENTATION : DealPhase.SCALING_DECISION,
                    registeredAt);
        }
        deals.save(deal);
        for (NewDeal.NewParticipant p : request.participants()) {
            participants.save(new Participant(
                    deal.getId(),
                    p.name(),
                    p.type(),
                    p.addedValue(),
                    p.accepted(),
                    term != null ? term.signedOn() : today,
                    false));
        }
        decide(
                deal.getId(),
                registeredBy,
                Kind.REGISTERED,
                (imported
                                ? "Lopende deal geïmporteerd, looptijd %s tot %s"
                                        .formatted(term.signedOn(), term.endsOn())
                                : "Deal geregistreerd")
                        + (sourceNote == null || sourceNote.isBlank() ? "" : ". Bron: " + sourceNote.strip()));
        processes.start(deal);
        return deal;
    }

    /**
     * For the demo only ({@code DemoDeals}): a running deal that the demo portfolio took in earlier than today, so
     * that the portfolio has a past to show (readiness items decided after the import, phases over time, deals
     * waiting in a phase). Moves the deal's registration, the phase it entered with it and its registration decision
     * to the earlier moment; its prompts stay as registration planned and fired them.
     */
    void registeredEarlier(String dealId, Instant at) {
        Deal deal = deals.findById(dealId).orElseThrow();
        if (!deal.isImported() || !at.isBefore(deal.getRegisteredAt()) || at.isBefore(signingDay(deal))) {
            throw new IllegalArgumentException("Only a running deal taken in can have been taken in earlier");
        }
        deal.registeredEarlier(at);
        decisions.findByDealIdOrderByDecidedAtAscIdAsc(dealId).stream()
                .filter(d -> d.getKind() == Kind.REGISTERED)
                .forEach(d -> d.decidedEarlier(at));
    }

    private static Instant signingDay(Deal deal) {
        return deal.getSignedOn()
                .atStartOfDay(java.time.ZoneId.of("Europe/Amsterdam"))
                .toInstant();
    }

    /**
     * What registering a deal checks, whichever way it comes in ({@code POST /api/deals}, Tasklist's start form, the
     * engine REST API): a deal lead that is one, and a term (when either date is given) that ends after it starts and
     * lasts 6 months to 6 years. A broken rule is an {@link InvalidInputException} with a Dutch message per field
     * ({@code dealLead}, {@code signedOn}, {@code endsOn}); the term, or none without dates, otherwise.
     */
    public Term checkRegistration(String dealLead, LocalDate signedOn, LocalDate endsOn) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (dealLead != null && !dealLead.isBlank() && !dealLeads.isDealLead(dealLead)) {
            errors.put("dealLead", "'%s' is geen dealtrekker.".formatted(dealLead));
        }
        Term term = null;
        if (signedOn != null || endsOn != null) {
            try {
                term = new Term(signedOn, endsOn);
            } catch (InvalidDealException e) {
                errors.put(e.field(), e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return term;
    }

    /**
     * A deal started from Tasklist's start form gets its registry entry from the process, registered by whoever
     * started it ({@code registeredBy}; null when no one was logged in), with what it means to scale as ticked there.
     * Returns the deal's reference (the business key its process gets).
     */
    public String ensureRegistered(
            String dealId,
            String registeredBy,
            String name,
            String theme,
            String leadOrganisation,
            String dealLead,
            String programmeOfficeContact,
            String ambition,
            String predecessorId,
            Set<ScalingIntent> scalingIntents) {
        Deal existing = deals.findById(dealId).orElse(null);
        if (existing != null) {
            return existing.getReference();
        }
        Instant registeredAt = clock.instant();
        Deal deal = new Deal(
                dealId,
                references.next(registeredAt),
                orUnknown(name),
                orUnknown(theme),
                orUnknown(leadOrganisation),
                orUnknown(dealLead),
                programmeOfficeContact,
                ambition,
                registeredAt);
        if (predecessorId != null) {
            deal.follows(predecessorId);
        }
        deal.intendToScale(ScalingIntent.copyOf(scalingIntents));
        deals.save(deal);
        decide(dealId, registeredBy, Kind.REGISTERED, "Deal geregistreerd via de takenlijst");
        return deal.getReference();
    }

    @Transactional(readOnly = true)
    public Deal get(String id) {
        return deals.findById(id).orElseThrow(() -> new NotFoundException("Deal %s bestaat niet.".formatted(id)));
    }

    /** The deals with these ids (those that exist), in no particular order. */
    @Transactional(readOnly = true)
    public List<Deal> getAll(Collection<String> ids) {
        return deals.findAllById(ids);
    }

    @Transactional(readOnly = true)
    public Page<Deal> search(DealCriteria criteria, Pageable page) {
        return deals.findAll(selection(criteria).specification(), page);
    }

    /** The deals the criteria select now ("overdue" as of the app's clock). */
    public DealSelection selection(DealCriteria criteria) {
        return new DealSelection(criteria, clock.instant());
    }

    /** The themes of the deals (only those {@code onlyLead} leads or is a deputy of, when given), each once, in order. */
    @Transactional(readOnly = true)
    public List<String> themes(String onlyLead) {
        return deals.themes(onlyLead);
    }

    /** The deal leads of the deals (only {@code onlyLead}, when given), each once, in order. */
    @Transactional(readOnly = true)
    public List<String> dealLeads(String onlyLead) {
        return deals.dealLeads(onlyLead);
    }

    /** How many deals are in each phase (one lead's deals, when given); phases without deals are left out. */
    @Transactional(readOnly = true)
    public Map<DealPhase, Long> countPerPhase(String dealLead) {
        Map<DealPhase, Long> counts = new EnumMap<>(DealPhase.class);
        deals.countPerPhase(dealLead).forEach(row -> counts.put((DealPhase) row[0], (Long) row[1]));
        return counts;
    }

    /** How many deals chose each scaling route (one lead's deals, when given); routes no deal chose are left out. */
    @Transactional(readOnly = true)
    public Map<ScalingRoute, Long> countPerRoute(String dealLead) {
        Map<ScalingRoute, Long> counts = new EnumMap<>(ScalingRoute.class);
        deals.countPerRoute(dealLead).forEach(row -> counts.put((ScalingRoute) row[0], (Long) row[1]));
        return counts;
    }

    @Transactional(readOnly = true)
    public List<Participant> participants(String dealId) {
        return participants.findByDealIdOrderByJoinedOnAscIdAsc(dealId);
    }

    @Transactional(readOnly = true)
    public List<DealDecision> decisions(String dealId) {
        return decisions.findByDealIdOrderByDecidedAtAscIdAsc(dealId);
    }

    /** The participants of these deals by deal, in the order they joined (one query; at most a few hundred ids). */
    @Transactional(readOnly = true)
    public Map<String, List<Participant>> participantsOf(Collection<String> dealIds) {
        return dealIds.isEmpty()
                ? Map.of()
                : participants.findByDealIdInOrderByJoinedOnAscIdAsc(dealIds).stream()
                        .collect(Collectors.groupingBy(Participant::getDealId));
    }

    /** The decisions of these deals by deal, in the order they were taken (one query; at most a few hundred ids). */
    @Transactional(readOnly = true)
    public Map<String, List<DealDecision>> decisionsOf(Collection<String> dealIds) {
        return dealIds.isEmpty()
                ? Map.of()
                : decisions.findByDealIdInOrderByDecidedAtAscIdAsc(dealIds).stream()
                        .collect(Collectors.groupingBy(DealDecision::getDealId));
    }

    /**
     * The deals that closed (or were abandoned) before the moment and still keep their case file, oldest first, at
     * most {@code limit}. A deal that closed before V118 recorded when it entered its phase counts from its last step,
     * else from its registration.
     */
    @Transactional(readOnly = true)
    public List<String> closedBeforeWithRecords(Instant before, int limit) {
        return deals.closedBeforeWithRecords(before, Pageable.ofSize(limit));
    }

    /**
     * The deal's case file was removed by retention: it forgets its deputies, administrative leads and the contact
     * people of its participants, and records when. Its registry row (name, theme, lead, term, phase, decisions)
     * stays, with its lessons.
     */
    public void recordsRemoved(String dealId) {
        get(dealId).recordsRemoved(clock.instant());
        participants.forgetContacts(dealId);
    }

    /** The deal enters the phase; returns the phase it is in now (an abandoned deal closes as {@link DealPhase#ABANDONED}). */
    public DealPhase enterPhase(String dealId, DealPhase phase) {
        return get(dealId).enter(phase, clock.instant());
    }

    /**
     * The deal is abandoned where it stands (commitment securing, signing, or the proposal review), for the reason
     * given; it still shares its lessons and closes, and then ends as abandoned.
     */
    public void recordAbandonment(String dealId, String reason, String by) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidDealException(
                    "abandonReason", "Geef aan waarom de deal wordt afgeblazen: ook dat is een les voor andere deals.");
        }
        Deal deal = get(dealId);
        deal.abandon(reason.strip());
        decide(
                dealId,
                by,
                Kind.ABANDONED,
                "Afgeblazen in de fase %s: %s".formatted(deal.getPhase().label(), reason.strip()));
    }

    public void recordScreening(
            String dealId,
            String name,
            ParticipantType type,
            String addedValue,
            boolean accepted,
            boolean lateJoiner,
            String by) {
        participants.save(new Participant(dealId, name, type, addedValue, accepted, LocalDate.now(clock), lateJoiner));
        decide(
                dealId,
                by,
                Kind.PARTICIPANT_SCREENED,
                "%s %s: %s"
                        .formatted(
                                name,
                                accepted ? "toegelaten" : "niet toegelaten",
                                addedValue == null ? "" : addedValue));
    }

    public void recordSetup(String dealId, DealSetup setup) {
        get(dealId).agreeSetup(setup);
    }

    /** Sending back or abandoning without remarks is refused with a Dutch message and records nothing. */
    public void recordReview(String dealId, ReviewOutcome outcome, String remarks, String by) {
        if (outcome.needsRemarks() && (remarks == null || remarks.isBlank())) {
            throw new InvalidDealException(
                    "reviewRemarks",
                    "Geef bij terugsturen of afblazen opmerkingen: wat ontbreekt er, of waarom stopt de deal?");
        }
        if (outcome == ReviewOutcome.ABANDON) {
            get(dealId).abandon(remarks.strip());
        }
        decisions.save(new DealDecision(
                dealId,
                clock.instant(),
                by,
                outcome,
                outcome.name() + (remarks == null || remarks.isBlank() ? "" : ": " + remarks)));
    }

    /** The signing, with its publication in the Staatscourant (null: none recorded). */
    public void recordSigning(String dealId, Term term, StaatscourantReference reference, String by) {
        get(dealId).sign(term, reference);
        decisions.save(new DealDecision(
                        dealId,
                        clock.instant(),
                        by,
                        Kind.SIGNED,
                        "Ondertekend %s (%s), einddatum %s"
                                .formatted(
                                        term.signedOn(),
                                        reference == null ? "geen vindplaats" : reference.label(),
                                        term.endsOn()))
                .publishedIn(reference));
    }

    /**
     * What the deal means to scale, as the scaling exploration sharpened it: recorded (with a decision saying what it
     * was and is) when it changed; none ticked leaves it as it was.
     */
    public void recordScalingIntent(String dealId, Set<ScalingIntent> intents, String by) {
        if (intents == null || intents.isEmpty()) {
            return;
        }
        Deal deal = get(dealId);
        String before = ScalingIntent.labels(deal.getScalingIntents());
        if (deal.intendToScale(ScalingIntent.copyOf(intents))) {
            decide(
                    dealId,
                    by,
                    Kind.SCALING_INTENT_CHANGED,
                    "Wat moet opschalen: %s → %s".formatted(before, ScalingIntent.labels(intents)));
        }
    }

    /** The programme office extends or shortens a running deal's term (API); the process moves its prompts. */
    public Deal changeTerm(String dealId, LocalDate newEnd, String reason, String by) {
        Deal deal = get(dealId);
        if (deal.getPhase() != DealPhase.EXPERIMENTATION) {
            throw new ConflictException(
                    "De looptijd kan alleen in de experimenteerfase wijzigen; deze deal is in fase %s."
                            .formatted(deal.getPhase().label()));
        }
        processes.changeTerm(dealId, new Term(deal.getSignedOn(), newEnd).endsOn());
        recordTermChange(dealId, newEnd, reason, null, by);
        return deal;
    }

    /**
     * The term changed in the process (the change-term or extension task), with the extension's publication in the
     * Staatscourant (null: none), kept with the decision.
     */
    public void recordTermChange(
            String dealId, LocalDate newEnd, String reason, StaatscourantReference publication, String by) {
        Deal deal = get(dealId);
        LocalDate oldEnd = deal.getEndsOn();
        deal.changeEnd(newEnd);
        decisions.save(new DealDecision(
                        dealId,
                        clock.instant(),
                        by,
                        Kind.TERM_CHANGED,
                        "Einddatum %s → %s%s%s"
                                .formatted(
                                        oldEnd,
                                        newEnd,
                                        reason == null || reason.isBlank() ? "" : ": " + reason,
                                        publication == null ? "" : " (" + publication.label() + ")"))
                .publishedIn(publication));
    }

    /** A party joins a running deal (bijtekenen), screened on its added value. */
    public Participant addLateParticipant(String dealId, NewDeal.NewParticipant participant, String by) {
        Deal deal = get(dealId);
        if (deal.getPhase() != DealPhase.EXPERIMENTATION && deal.getPhase() != DealPhase.PREPARATION) {
            throw new ConflictException("Bijtekenen kan alleen in de voorbereiding of de experimenteerfase.");
        }
        boolean late = deal.getPhase() == DealPhase.EXPERIMENTATION;
        Participant saved = participants.save(new Participant(
                dealId,
                participant.name(),
                participant.type(),
                participant.addedValue(),
                participant.accepted(),
                LocalDate.now(clock),
                late));
        decide(
                dealId,
                by,
                Kind.PARTICIPANT_SCREENED,
                "%s %s: %s"
                        .formatted(
                                participant.name(),
                                participant.accepted() ? "toegelaten" : "niet toegelaten",
                                participant.addedValue()));
        return saved;
    }

    /** Hands a deal to another deal lead: access and open tasks move with it. */
    public Deal changeLead(String dealId, String newLead, String by) {
        if (!dealLeads.isDealLead(newLead)) {
            throw new InvalidDealException("dealLead", "'%s' is geen dealtrekker.".formatted(newLead));
        }
        Deal deal = get(dealId);
        String oldLead = deal.getDealLead();
        if (!oldLead.equals(newLead)) {
            processes.changeLead(dealId, oldLead, newLead);
            deal.changeLead(newLead);
            Set<String> deputies = new TreeSet<>(deal.getDeputies());
            if (deputies.remove(newLead)) {
                // a deputy who becomes the lead is a deputy no more
                processes.changeDeputies(dealId, newLead, deal.getDeputies(), deputies);
                deal.changeDeputies(deputies);
            }
            PersonNames.Names leads = names.namesOf(List.of(oldLead, newLead));
            decide(
                    dealId,
                    by,
                    Kind.LEAD_CHANGED,
                    "Dealtrekker %s → %s".formatted(leads.withId(oldLead), leads.withId(newLead)));
        }
        return deal;
    }

    /** A scaling decision one party took alone (process versions before joint decisions). */
    public void recordScalingDecision(String dealId, ScalingDecision decision, String by) {
        get(dealId).chooseRoutes(decision.routes());
        decide(dealId, by, Kind.SCALING_DECIDED, describe(decision));
    }

    /** The scaling decision, proposed by one party and confirmed by the other. */
    public void recordScalingDecision(String dealId, ScalingDecision decision, JointDecision joint) {
        get(dealId).chooseRoutes(decision.routes());
        decisions.save(new DealDecision(dealId, clock.instant(), joint, Kind.SCALING_DECIDED, describe(decision)));
    }

    /** The other party sent the proposal (a scaling decision or an early end) back to the proposer, with remarks. */
    public void recordRefusal(String dealId, Kind refused, JointDecision answer, String remarks) {
        if (refused != Kind.SCALING_DECISION_REFUSED && refused != Kind.EARLY_END_REFUSED) {
            throw new IllegalArgumentException("not a refusal: " + refused);
        }
        if (remarks == null || remarks.isBlank()) {
            throw new InvalidDealException(
                    "confirmationRemarks", "Geef bij terugsturen aan waarom, zodat de voorsteller het kan verbeteren.");
        }
        decisions.save(new DealDecision(dealId, clock.instant(), answer, refused, "Teruggestuurd: " + remarks.strip()));
    }

    /** The value the route advice table advised, kept with the deal and shown beside the decision. */
    public void recordAdvice(String dealId, List<AdvisedRoute> advice) {
        get(dealId).advise(advice);
    }

    /** The programme office refused the extension the scaling decision chose: the decision is taken again. */
    public void recordExtensionRefused(String dealId, String reason, String by) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidDealException("extensionRefusalReason", "Geef aan waarom de verlenging niet doorgaat.");
        }
        decide(dealId, by, Kind.EXTENSION_REFUSED, "Verlenging geweigerd: " + reason.strip());
    }

    /** A route's hand-over failed: once the other hand-overs are done, the scaling decision is taken again. */
    public void recordHandOverFailed(String dealId, ScalingRoute route, String reason, String by) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidDealException(
                    "handOverFailureReason", "Geef aan waarom de overdracht is mislukt: ook dat is een les.");
        }
        decide(dealId, by, Kind.HAND_OVER_FAILED, "%s mislukt: %s".formatted(route.label(), reason.strip()));
    }

    public void recordExperimentationEnded(String dealId, String how) {
        decide(dealId, null, Kind.EXPERIMENTATION_ENDED, how);
    }

    /** The experimentation ended early: proposed by one party, confirmed by the other, with the reason. */
    public void recordEarlyEnd(String dealId, String reason, JointDecision joint) {
        decisions.save(new DealDecision(
                dealId, clock.instant(), joint, Kind.EXPERIMENTATION_ENDED, "Vroegtijdig beëindigd: " + reason));
    }

    private static String describe(ScalingDecision decision) {
        return decision.routes().stream().map(ScalingRoute::label).collect(Collectors.joining(", ")) + ": "
                + decision.rationale();
    }

    public void recordClosing(String dealId, String finalReport, String by) {
        decide(dealId, by, Kind.CLOSED, finalReport == null || finalReport.isBlank() ? "Deal afgesloten" : finalReport);
    }

    /** Registers the follow-up City Deal of a deal, as a draft carrying its name, theme, lead and participants. */
    public Deal registerFollowUp(String predecessorId, String by) {
        Deal predecessor = get(predecessorId);
        List<NewDeal.NewParticipant> carried = participants(predecessorId).stream()
                .filter(Participant::isAccepted)
                .map(p -> new NewDeal.NewParticipant(p.getName(), p.getType(), p.getAddedValue(), true))
                .toList();
        Deal successor = register(
                new NewDeal(
                        predecessor.getName() + " (vervolg)",
                        predecessor.getTheme(),
                        predecessor.getLeadOrganisation(),
                        predecessor.getDealLead(),
                        predecessor.getProgrammeOfficeContact(),
                        predecessor.getAmbition(),
                        null,
                        null,
                        null,
                        null,
                        predecessor.getScalingIntents(),
                        carried,
                        predecessorId),
                by);
        predecessor.followedBy(successor.getId());
        return successor;
    }

    public boolean exists(String dealId) {
        return deals.existsById(dealId);
    }

    /**
     * The deal with this id, if there is one. The engine glue asks this rather than {@link #exists} and then {@link
     * #get}: inside the transaction that registers the deal it is answered from the persistence context, without a
     * query (and without the flush a query would cause).
     */
    @Transactional(readOnly = true)
    public Optional<Deal> find(String dealId) {
        return deals.findById(dealId);
    }

    public long count() {
        return deals.count();
    }

    /** A changed prompt schedule moved the deal's prompts still to come (the summary says which, from when to when). */
    public void recordPromptsRescheduled(String dealId, String summary, String by) {
        decide(dealId, by, Kind.PROMPTS_RESCHEDULED, summary);
    }

    private void decide(String dealId, String by, Kind kind, String summary) {
        decisions.save(new DealDecision(dealId, clock.instant(), by, kind, summary));
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "(onbekend)" : value;
    }
}
