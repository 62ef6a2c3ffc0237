package nl.citydeal.engine.deal.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import nl.citydeal.engine.deal.AdvisedRoute;
import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealDecision;
import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.DealSetup;
import nl.citydeal.engine.deal.Participant;
import nl.citydeal.engine.deal.ParticipantType;
import nl.citydeal.engine.deal.ScalingIntent;
import nl.citydeal.engine.deal.ScalingRoute;
import nl.citydeal.engine.deal.StaatscourantReference;

/** A deal as the API shows it; with participants and decisions on the deal's own resource. */
record DealResponse(
        String id,
        /** The deal's readable reference, CD-2026-014: what people see, and its process's business key. */
        String reference,
        String name,
        String theme,
        String leadOrganisation,
        String dealLead,
        String programmeOfficeContact,
        String ambition,
        DealSetup setup,
        LocalDate signedOn,
        LocalDate endsOn,
        /** The signing's publication as shown: "Staatscourant 2024, 12345", or a text that did not read as one. */
        String staatscourantReference,
        StaatscourantResponse staatscourant,
        Set<ScalingIntent> scalingIntents,
        DealPhase phase,
        String phaseLabel,
        Set<ScalingRoute> routes,
        List<AdvisedRoute> advisedRoutes,
        DealPhase abandonedIn,
        String abandonReason,
        String predecessorId,
        String successorId,
        Instant registeredAt,
        List<ParticipantResponse> participants,
        List<DecisionResponse> decisions) {

    static DealResponse of(Deal deal) {
        return of(deal, null, null);
    }

    static DealResponse of(Deal deal, List<Participant> participants, List<DealDecision> decisions) {
        return new DealResponse(
                deal.getId(),
                deal.getReference(),
                deal.getName(),
                deal.getTheme(),
                deal.getLeadOrganisation(),
                deal.getDealLead(),
                deal.getProgrammeOfficeContact(),
                deal.getAmbition(),
                deal.getSetup(),
                deal.getSignedOn(),
                deal.getEndsOn(),
                deal.getStaatscourant() == null ? null : deal.getStaatscourant().label(),
                StaatscourantResponse.of(deal.getStaatscourant()),
                deal.getScalingIntents(),
                deal.getPhase(),
                deal.getPhase().label(),
                deal.getRoutes(),
                deal.getAdvisedRoutes(),
                deal.getAbandonedIn(),
                deal.getAbandonReason(),
                deal.getPredecessorId(),
                deal.getSuccessorId(),
                deal.getRegisteredAt(),
                participants == null
                        ? null
                        : participants.stream().map(ParticipantResponse::of).toList(),
                decisions == null
                        ? null
                        : decisions.stream().map(DecisionResponse::of).toList());
    }

    /** A publication in the Staatscourant: year and number with the link to it, or only the text as given. */
    record StaatscourantResponse(Integer year, Integer number, String label, String url) {
        static StaatscourantResponse of(StaatscourantReference reference) {
            return reference == null
                    ? null
                    : new StaatscourantResponse(
                            reference.year(), reference.number(), reference.label(), reference.url());
        }
    }

    record ParticipantResponse(
            Long id,
            String name,
            ParticipantType type,
            String addedValue,
            boolean accepted,
            LocalDate joinedOn,
            boolean lateJoiner) {
        static ParticipantResponse of(Participant p) {
            return new ParticipantResponse(
                    p.getId(),
                    p.getName(),
                    p.getType(),
                    p.getAddedValue(),
                    p.isAccepted(),
                    p.getJoinedOn(),
                    p.isLateJoiner());
        }
    }

    /**
     * One decision; a joint one also says who proposed it and when ({@code decidedBy} confirmed or refused it); a
     * signing or a term change the publication in the Staatscourant it rests on.
     */
    record DecisionResponse(
            Instant decidedAt,
            String decidedBy,
            DealDecision.Kind kind,
            String summary,
            String proposedBy,
            Instant proposedAt,
            StaatscourantResponse staatscourant) {
        static DecisionResponse of(DealDecision d) {
            return new DecisionResponse(
                    d.getDecidedAt(),
                    d.getDecidedBy(),
                    d.getKind(),
                    d.getSummary(),
                    d.getProposedBy(),
                    d.getProposedAt(),
                    StaatscourantResponse.of(d.getStaatscourant()));
        }
    }
}
