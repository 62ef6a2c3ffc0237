package nl.citydeal.engine.portfolio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealDecision;
import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.ReviewOutcome;

/**
 * The phases a deal went through, as far as the registry remembers them (it keeps no log of phases): the phase it
 * started in at its registration (a running deal taken in starts in the experimentation, or in the scaling decision
 * when its term was over), the decisions that move a deal on (an approved proposal to the signing, the signing to the
 * experimentation, its end to the scaling decision, the scaling decision to the routes, the closing and the
 * abandonment), and the phase it is in now from the moment it entered it ({@code phase_entered_at}, V118). The
 * closing phase shows only as the phase a deal is in now.
 */
public record PhaseHistory(List<Transition> transitions) {

    /** What the chart's page says the history rests on. */
    public static final String BASIS = "Afgeleid uit de registratie van elke deal, de besluiten die een deal een fase"
            + " verder brengen (voorstel goedgekeurd, ondertekend, experimenteerfase beëindigd, opschalingsbesluit,"
            + " afgesloten, afgeblazen) en het moment waarop de deal zijn huidige fase inging. De afsluitingsfase is"
            + " alleen bekend als huidige fase. Een lopende deal die is geïmporteerd, telt pas mee vanaf zijn"
            + " registratie.";

    public PhaseHistory {
        transitions = transitions.stream()
                .sorted(Comparator.comparing(Transition::at))
                .toList();
    }

    /** From one moment on, the deal stood in the phase. */
    public record Transition(Instant at, DealPhase phase) {}

    public static PhaseHistory of(Deal deal, List<DealDecision> decisions) {
        DealPhase initial = DealPhase.PREPARATION;
        if (deal.isImported()) {
            initial = deal.getEndsOn() != null
                            && deal.getEndsOn().isAfter(PortfolioDates.localDay(deal.getRegisteredAt()))
                    ? DealPhase.EXPERIMENTATION
                    : DealPhase.SCALING_DECISION;
        }
        return of(deal.getRegisteredAt(), initial, decisions, deal.getPhase(), deal.getPhaseEnteredAt());
    }

    /**
     * The history from plain facts: registered at a moment in a phase, then the decisions (oldest first), and the
     * phase it is in now with the moment it entered it (null when not known: then the decisions say all there is).
     * After the moment it entered its current phase, nothing else counts.
     */
    public static PhaseHistory of(
            Instant registeredAt,
            DealPhase initial,
            List<DealDecision> decisions,
            DealPhase current,
            Instant currentSince) {
        List<Transition> transitions = new ArrayList<>();
        if (registeredAt == null) {
            return new PhaseHistory(transitions);
        }
        transitions.add(new Transition(registeredAt, initial));
        boolean abandoned = false;
        for (DealDecision decision : decisions) {
            Instant at = decision.getDecidedAt();
            if (at == null || at.isBefore(registeredAt) || (currentSince != null && !at.isBefore(currentSince))) {
                continue;
            }
            DealPhase next = phaseAfter(decision, abandoned);
            if (next != null) {
                abandoned |= next == DealPhase.ABANDONED;
                transitions.add(new Transition(at, next));
            }
        }
        if (currentSince != null) {
            transitions.add(new Transition(currentSince.isBefore(registeredAt) ? registeredAt : currentSince, current));
        }
        return new PhaseHistory(transitions);
    }

    /** The phase a decision moves a deal into; null for a decision that does not change its phase. */
    private static DealPhase phaseAfter(DealDecision decision, boolean abandoned) {
        return switch (decision.getKind()) {
            case PROPOSAL_REVIEWED -> decision.getOutcome() == ReviewOutcome.APPROVE ? DealPhase.SIGNING : null;
            case SIGNED -> DealPhase.EXPERIMENTATION;
            case EXPERIMENTATION_ENDED -> DealPhase.SCALING_DECISION;
            case SCALING_DECIDED -> DealPhase.SCALING_ROUTES;
            case CLOSED -> abandoned ? DealPhase.ABANDONED : DealPhase.CLOSED;
            case ABANDONED -> DealPhase.ABANDONED;
            default -> null;
        };
    }

    /** The phase the deal stood in at the moment; empty before it was registered. */
    public Optional<DealPhase> at(Instant moment) {
        DealPhase phase = null;
        for (Transition transition : transitions) {
            if (transition.at().isAfter(moment)) {
                break;
            }
            phase = transition.phase();
        }
        return Optional.ofNullable(phase);
    }
}
