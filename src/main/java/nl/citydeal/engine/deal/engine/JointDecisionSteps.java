package nl.citydeal.engine.deal.engine;

import java.time.Clock;
import java.time.Instant;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.DecisionParty;
import nl.citydeal.engine.deal.InvalidDealException;
import nl.citydeal.engine.deal.JointDecision;
import nl.citydeal.engine.processengine.CurrentUser;
import nl.citydeal.engine.processengine.DealInstances;
import nl.citydeal.engine.processengine.ProcessValues;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.*;

/**
 * The two steps of a joint decision, shared by the scaling decision and the early end: the proposer's step records who
 * proposed, as which party, and when (the model routes on {@code proposedByRole} to the other party's task); the
 * answering step checks that the other party answers and reads whether it confirmed or refused.
 */
@Component
class JointDecisionSteps {

    /** The other party's answer, as its form sends it. */
    enum Answer {
        CONFIRM,
        REFUSE
    }

    private final DealRegistry dealRegistry;
    private final DecisionParties parties;
    private final Clock clock;

    JointDecisionSteps(DealRegistry dealRegistry, DecisionParties parties, Clock clock) {
        this.dealRegistry = dealRegistry;
        this.parties = parties;
        this.clock = clock;
    }

    /** Records the proposer; refuses a user who is neither the deal's lead nor programme office. */
    void propose(DelegateExecution execution) {
        String userId = CurrentUser.id(execution);
        DecisionParty party = parties.of(userId, deal(execution));
        if (party == null) {
            throw new InvalidDealException(
                    PROPOSED_BY, "Alleen de dealtrekker van deze deal of het programmabureau kan dit voorstellen.");
        }
        execution.setVariable(PROPOSED_BY, userId);
        execution.setVariable(PROPOSED_BY_ROLE, party.name());
        execution.setVariable(PROPOSED_AT, clock.instant().toString());
        // remarks of an earlier refusal were shown to the proposer; the answer to this proposal starts empty
        execution.removeVariable(CONFIRMATION_REMARKS);
        execution.removeVariable(CONFIRMATION);
    }

    /** The answer of the other party to the proposal, with both names; refused when the proposer's party answers. */
    JointDecision answer(DelegateExecution execution) {
        String proposedBy = ProcessValues.text(execution, PROPOSED_BY);
        String role = ProcessValues.text(execution, PROPOSED_BY_ROLE);
        String at = ProcessValues.text(execution, PROPOSED_AT);
        String userId = CurrentUser.id(execution);
        return new JointDecision(
                proposedBy,
                role == null ? null : DecisionParty.valueOf(role),
                at == null ? null : Instant.parse(at),
                userId,
                parties.of(userId, deal(execution)));
    }

    /** Whether the other party confirmed (true) or refused (false) the proposal; neither is refused. */
    Answer answerGiven(DelegateExecution execution) {
        String answer = ProcessValues.text(execution, CONFIRMATION);
        if (answer == null || answer.isBlank()) {
            throw new InvalidDealException(CONFIRMATION, "Kies of je het voorstel bevestigt of terugstuurt.");
        }
        try {
            return Answer.valueOf(answer);
        } catch (IllegalArgumentException e) {
            throw new InvalidDealException(CONFIRMATION, "Kies of je het voorstel bevestigt of terugstuurt.");
        }
    }

    private Deal deal(DelegateExecution execution) {
        return dealRegistry.get(DealInstances.dealId(execution));
    }
}
