package nl.citydeal.engine.deal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A City Deal in the registry. Its id (a UUID) is what the API and the process's {@code dealId} variable name it by;
 * its {@link #getReference() reference} (CD-2026-014) is what people see, and the business key of its process instance.
 */
@Entity
@Table(name = "deal")
public class Deal {

    /** Days of deals are Dutch days. */
    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    @Id
    private String id;

    /** CD-&lt;year&gt;-&lt;nnn&gt;, given once at registration ({@link DealReferences}), unique and never reused. */
    private String reference;

    private String name;
    private String theme;
    private String leadOrganisation;
    private String dealLead;
    private String programmeOfficeContact;
    private String ambition;

    @Enumerated(EnumType.STRING)
    private DealSetup setup;

    private LocalDate signedOn;
    private LocalDate endsOn;
    /** The signing's publication in the Staatscourant: its year and number, or a text that did not read as one. */
    private Integer staatscourantYear;

    private Integer staatscourantNumber;
    private String staatscourantReference;

    @Enumerated(EnumType.STRING)
    private DealPhase phase;

    private String predecessorId;
    private String successorId;
    private Instant registeredAt;
    /** Registered as a running deal (its term had started): its preparation did not happen in the app. */
    private boolean imported;
    /**
     * When the earliest open prompt of the deal falls due (none: null). Written by the prompt feature through
     * {@link DealRegistry#nextPromptChanged}, never with the rest of the deal, so it takes no part in the deal's version.
     */
    @Column(insertable = false, updatable = false)
    private Instant nextPromptDueAt;
    /** When the deal entered the phase it is in; null for a deal that has not changed phase since before V118. */
    private Instant phaseEnteredAt;
    /**
     * When a step (a user task) of the deal was last completed (none: null). Written by {@link StepDates}, never with
     * the rest of the deal, so it takes no part in the deal's version.
     */
    @Column(insertable = false, updatable = false)
    private Instant lastStepAt;

    /**
     * Null until the deal is first stored: the id is ours (a UUID given at registration), so Spring Data tells a new
     * deal by its version and persists it; a primitive version would make it merge (a select first) instead.
     */
    @Version
    private Long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "deal_route", joinColumns = @JoinColumn(name = "deal_id"))
    @Column(name = "route")
    @Enumerated(EnumType.STRING)
    private Set<ScalingRoute> routes = EnumSet.noneOf(ScalingRoute.class);

    /** What the route advice table advised at the (last) scaling decision, in its order. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "deal_advised_route", joinColumns = @JoinColumn(name = "deal_id"))
    @OrderColumn(name = "position")
    private List<AdvisedRoute> advisedRoutes = new ArrayList<>();

    /**
     * The deal's deputies (co-leads): deal leads who see the deal and work its deal-lead tasks exactly like its lead
     * ({@link #isLedBy}); never the lead itself.
     */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "deal_deputy", joinColumns = @JoinColumn(name = "deal_id"))
    @Column(name = "user_id")
    @OrderBy
    private Set<String> deputies = new LinkedHashSet<>();

    /** The administrative leads (bestuurders) the answerability reviews are held with, in their order. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "deal_administrative_lead", joinColumns = @JoinColumn(name = "deal_id"))
    @OrderColumn(name = "position")
    private List<AdministrativeLead> administrativeLeads = new ArrayList<>();

    /** What the deal means to scale: set at registration, sharpened by the scaling exploration. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "deal_scaling_intent", joinColumns = @JoinColumn(name = "deal_id"))
    @Column(name = "intent")
    @Enumerated(EnumType.STRING)
    private Set<ScalingIntent> scalingIntents = EnumSet.noneOf(ScalingIntent.class);

    /** Where the deal was abandoned (preparation or signing), and why; null while it was not. */
    @Enumerated(EnumType.STRING)
    private DealPhase abandonedIn;

    private String abandonReason;

    /**
     * When the nightly retention run removed the deal's case file (dossier, documents, mails) and its contact people,
     * {@code citydeal.retention.closed-deals} after it closed; null while it keeps them.
     */
    private Instant recordsRemovedAt;

    protected Deal() {}

    public Deal(
            String id,
            String reference,
            String name,
            String theme,
            String leadOrganisation,
            String dealLead,
            String programmeOfficeContact,
            String ambition,
            Instant registeredAt) {
        this.id = id;
        this.reference = reference;
        this.name = name;
        this.theme = theme;
        this.leadOrganisation = leadOrganisation;
        this.dealLead = dealLead;
        this.programmeOfficeContact = programmeOfficeContact;
        this.ambition = ambition;
        this.phase = DealPhase.PREPARATION;
        this.registeredAt = registeredAt;
        this.phaseEnteredAt = registeredAt;
    }

    public Term term() {
        return signedOn == null || endsOn == null ? null : new Term(signedOn, endsOn);
    }

    void sign(Term term, StaatscourantReference reference) {
        this.signedOn = term.signedOn();
        this.endsOn = term.endsOn();
        this.staatscourantYear = reference == null ? null : reference.year();
        this.staatscourantNumber = reference == null ? null : reference.number();
        this.staatscourantReference = reference == null ? null : reference.text();
    }

    /** Replaces what the deal means to scale; returns whether it changed. */
    boolean intendToScale(Set<ScalingIntent> intents) {
        if (scalingIntents.equals(intents)) {
            return false;
        }
        scalingIntents.clear();
        scalingIntents.addAll(intents);
        return true;
    }

    void changeEnd(LocalDate newEnd) {
        this.endsOn = new Term(signedOn, newEnd).endsOn();
    }

    /**
     * Enters the phase at the moment; an abandoned deal that closes ends as abandoned, not as closed. Entering the
     * phase it is in already (the model marks the start of a phase at more than one step) keeps the moment it entered.
     */
    DealPhase enter(DealPhase phase, Instant at) {
        DealPhase entered = phase == DealPhase.CLOSED && abandonedIn != null ? DealPhase.ABANDONED : phase;
        if (entered != this.phase || phaseEnteredAt == null) {
            phaseEnteredAt = at;
        }
        this.phase = entered;
        return this.phase;
    }

    /** Forgets the people the deal named besides its lead (deputies, administrative leads): retention ran. */
    void recordsRemoved(Instant at) {
        deputies.clear();
        administrativeLeads.clear();
        recordsRemovedAt = at;
    }

    void abandon(String reason) {
        this.abandonedIn = phase;
        this.abandonReason = reason == null || reason.length() <= 4000 ? reason : reason.substring(0, 4000);
    }

    void advise(List<AdvisedRoute> advice) {
        advisedRoutes.clear();
        advisedRoutes.addAll(advice);
    }

    void chooseRoutes(Set<ScalingRoute> chosen) {
        routes.clear();
        routes.addAll(chosen);
    }

    void agreeSetup(DealSetup setup) {
        this.setup = setup;
    }

    void changeLead(String newLead) {
        this.dealLead = newLead;
    }

    void changeDeputies(Set<String> newDeputies) {
        deputies.clear();
        deputies.addAll(newDeputies);
    }

    void changeAdministrativeLeads(List<AdministrativeLead> leads) {
        administrativeLeads.clear();
        administrativeLeads.addAll(leads);
    }

    void followedBy(String successorId) {
        this.successorId = successorId;
    }

    void follows(String predecessorId) {
        this.predecessorId = predecessorId;
    }

    public String getId() {
        return id;
    }

    public String getReference() {
        return reference;
    }

    /**
     * The deal as a mail, a calendar or a task list names it: its name with its reference, "City Deal
     * Klimaatadaptatie (CD-2026-014)".
     */
    public String nameWithReference() {
        return reference == null ? name : "%s (%s)".formatted(name, reference);
    }

    public String getName() {
        return name;
    }

    public String getTheme() {
        return theme;
    }

    public String getLeadOrganisation() {
        return leadOrganisation;
    }

    public String getDealLead() {
        return dealLead;
    }

    /** The deputies (co-leads), in order of their user ids. */
    public Set<String> getDeputies() {
        return Collections.unmodifiableSet(new TreeSet<>(deputies));
    }

    /** The lead and the deputies: everyone who sees and works the deal as its lead. */
    public Set<String> leads() {
        Set<String> leads = new LinkedHashSet<>();
        if (dealLead != null) {
            leads.add(dealLead);
        }
        leads.addAll(new TreeSet<>(deputies));
        return Collections.unmodifiableSet(leads);
    }

    /** Whether the user leads the deal: its lead or one of its deputies. */
    public boolean isLedBy(String userId) {
        return userId != null && (userId.equals(dealLead) || deputies.contains(userId));
    }

    public List<AdministrativeLead> getAdministrativeLeads() {
        return List.copyOf(administrativeLeads);
    }

    public String getProgrammeOfficeContact() {
        return programmeOfficeContact;
    }

    public String getAmbition() {
        return ambition;
    }

    public DealSetup getSetup() {
        return setup;
    }

    public LocalDate getSignedOn() {
        return signedOn;
    }

    public LocalDate getEndsOn() {
        return endsOn;
    }

    /** The signing's publication in the Staatscourant; null when none was recorded. */
    public StaatscourantReference getStaatscourant() {
        if (staatscourantYear == null && staatscourantReference == null) {
            return null;
        }
        return new StaatscourantReference(staatscourantYear, staatscourantNumber, staatscourantReference);
    }

    /** What the deal means to scale, in order; empty while it was not recorded. */
    public Set<ScalingIntent> getScalingIntents() {
        return ScalingIntent.copyOf(scalingIntents);
    }

    public DealPhase getPhase() {
        return phase;
    }

    public String getPredecessorId() {
        return predecessorId;
    }

    public String getSuccessorId() {
        return successorId;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    /**
     * Whether the deal is a running deal taken in (imported): registered after its term had started, so what happened
     * before its registration is not known. Fixed at registration; a deal that went through its preparation in the
     * app is never imported, whatever signing date it recorded.
     */
    public boolean isImported() {
        return imported;
    }

    /** The rule registration applies once: a term signed before the day of registration. */
    public static boolean imported(LocalDate signedOn, LocalDate registeredOn) {
        return signedOn != null && registeredOn != null && signedOn.isBefore(registeredOn);
    }

    /**
     * The demo's portfolio was taken in a while ago: the deal counts as registered, and as having entered the phase
     * its registration put it in, at the earlier moment.
     */
    void registeredEarlier(Instant at) {
        registeredAt = at;
        phaseEnteredAt = at;
    }

    /** Marks the deal as a running deal taken in, at its registration. */
    void takenInRunning() {
        this.imported = true;
    }

    public Instant getNextPromptDueAt() {
        return nextPromptDueAt;
    }

    /** When the deal entered its phase; null when that is not known (a deal that stood in it before V118). */
    public Instant getPhaseEnteredAt() {
        return phaseEnteredAt;
    }

    /** When a step of the deal was last completed; null when none was (or none since before V118). */
    public Instant getLastStepAt() {
        return lastStepAt;
    }

    public boolean isAbandoned() {
        return abandonedIn != null;
    }

    /** The phase the deal was abandoned in; null when it was not abandoned. */
    public DealPhase getAbandonedIn() {
        return abandonedIn;
    }

    public String getAbandonReason() {
        return abandonReason;
    }

    public List<AdvisedRoute> getAdvisedRoutes() {
        return List.copyOf(advisedRoutes);
    }

    public Set<ScalingRoute> getRoutes() {
        return routes.isEmpty() ? EnumSet.noneOf(ScalingRoute.class) : EnumSet.copyOf(routes);
    }

    /** When retention removed the deal's case file; empty while it keeps it. */
    public Optional<Instant> getRecordsRemovedAt() {
        return Optional.ofNullable(recordsRemovedAt);
    }
}
