package nl.citydeal.engine.processengine;

import java.util.Optional;

import nl.citydeal.engine.deal.ScalingIntent;
import nl.citydeal.engine.deal.ScalingRoute;
import nl.citydeal.engine.prompt.PromptKind;
import nl.citydeal.engine.prompt.PromptSchedule;

/**
 * The names the code shares with {@code processes/city-deal.bpmn}: process key, activity ids and variable
 * names, and what the code knows about each prompt kind. No code routes on activity ids: the model binds one bean
 * per thing it asks for and carries a prompt task's kind as its input parameter {@code promptKind}.
 * {@code ModelRulesTest} holds every name here against the BPMN and its forms.
 */
public final class CityDealProcess {

    public static final String KEY = "city-deal";
    public static final String PROMPT_SCHEDULE_DECISION = PromptSchedule.DECISION_KEY;
    public static final String SCALING_ROUTE_ADVICE_DECISION = "scaling-route-advice";

    private CityDealProcess() {}

    /** Activity ids, grouped by phase. */
    public static final class Activity {
        public static final String START = "StartEvent_DealRegistered";
        public static final String PREPARATION = "SubProcess_Preparation";
        public static final String SCREEN_PARTICIPANT = "UserTask_ScreenParticipant";
        public static final String SECURE_COMMITMENT = "UserTask_SecureCommitment";
        public static final String AGREE_SETUP = "UserTask_AgreeSetup";
        public static final String REVIEW_PROPOSAL = "UserTask_ReviewProposal";
        public static final String COMMITMENT_ABANDONED = "EndEvent_CommitmentAbandoned";

        public static final String RECORD_SIGNING = "UserTask_RecordSigning";
        public static final String PLAN_PROMPTS = "ServiceTask_PlanPrompts";

        public static final String EXPERIMENTATION = "SubProcess_Experimentation";
        public static final String TERM_ENDED = "BoundaryEvent_TermEnded";
        public static final String HOLD_OWNERSHIP_CONVERSATION = "UserTask_HoldOwnershipConversation";
        public static final String OWNERSHIP_PROMPT_DUE = "BoundaryEvent_OwnershipPromptDue";
        public static final String EXPLORE_SCALING = "UserTask_ExploreScaling";
        public static final String SCALING_EXPLORATION_DUE = "BoundaryEvent_ScalingExplorationDue";
        public static final String DELIVER_SCALING_PLAN = "UserTask_DeliverScalingPlan";
        public static final String SCALING_PLAN_DUE = "BoundaryEvent_ScalingPlanDue";
        public static final String SCALING_PLAN_ESCALATION_DUE = "BoundaryEvent_ScalingPlanEscalationDue";
        public static final String ESCALATE_MISSING_SCALING_PLAN = "UserTask_EscalateMissingScalingPlan";
        public static final String MID_TERM_REVIEW_DUE = "IntermediateCatchEvent_MidTermReviewDue";
        public static final String HOLD_MID_TERM_REVIEW = "UserTask_HoldMidTermReview";
        public static final String ANSWERABILITY_REVIEW_DUE = "IntermediateCatchEvent_AnswerabilityReviewDue";
        public static final String HOLD_ANSWERABILITY_REVIEW = "UserTask_HoldAnswerabilityReview";
        public static final String PLAN_NEXT_ANSWERABILITY_REVIEW = "ServiceTask_PlanNextAnswerabilityReview";
        public static final String ANSWERABILITY_REVIEWS_HELD = "EndEvent_AnswerabilityReviewsHeld";
        public static final String ESCALATION_RESOLVED = "BoundaryEvent_EscalationResolved";
        public static final String COMPLETE_PART_ONE = "UserTask_CompletePartOne";
        public static final String PASS_PART_ONE_GATE = "UserTask_PassPartOneGate";
        public static final String CONDUCT_EXPERIMENT = "UserTask_ConductExperiment";
        public static final String SCREEN_LATE_PARTICIPANT = "UserTask_ScreenLateParticipant";
        public static final String CHANGE_TERM = "UserTask_ChangeTerm";
        public static final String RESCHEDULE_PROMPTS = "ServiceTask_ReschedulePrompts";
        public static final String CONFIRM_EARLY_END_BY_PROGRAMME_OFFICE = "UserTask_ConfirmEarlyEndByProgrammeOffice";
        public static final String CONFIRM_EARLY_END_BY_DEAL_LEAD = "UserTask_ConfirmEarlyEndByDealLead";
        public static final String EXPERIMENTATION_ENDED_EARLY = "EndEvent_ExperimentationEndedEarly";

        public static final String ASSESS_OUTCOME = "UserTask_AssessOutcome";
        public static final String ADVISE_SCALING_ROUTES = "BusinessRuleTask_AdviseScalingRoutes";
        /** The scaling decision as proposed, by the deal lead or the programme office. */
        public static final String DECIDE_SCALING_ROUTES = "UserTask_DecideScalingRoutes";

        public static final String CONFIRM_SCALING_DECISION_BY_PROGRAMME_OFFICE =
                "UserTask_ConfirmScalingDecisionByProgrammeOffice";
        public static final String CONFIRM_SCALING_DECISION_BY_DEAL_LEAD = "UserTask_ConfirmScalingDecisionByDealLead";
        public static final String RECORD_EXTENSION = "UserTask_RecordExtension";
        public static final String REPLAN_PROMPTS = "ServiceTask_ReplanPrompts";

        public static final String ROUTES = "InclusiveGateway_Routes";
        public static final String START_FOLLOW_UP_DEAL = "ServiceTask_StartFollowUpDeal";
        public static final String HAND_OVER_EMBED_IN_POLICY = "UserTask_HandOverEmbedInPolicy";
        public static final String HAND_OVER_REGULATION_CHANGE = "UserTask_HandOverRegulationChange";
        public static final String HAND_OVER_OTHER_DEAL_FORM = "UserTask_HandOverOtherDealForm";
        public static final String HAND_OVER_MERGE = "UserTask_HandOverMerge";
        public static final String HAND_OVER_KNOWLEDGE_NETWORK = "UserTask_HandOverKnowledgeNetwork";
        public static final String HAND_OVER_NATIONAL_ROLLOUT = "UserTask_HandOverNationalRollout";
        public static final String RECORD_STOP = "UserTask_RecordStop";
        public static final String HAND_OVERS_DONE = "ExclusiveGateway_HandOversDone";

        public static final String SHARE_LESSONS = "UserTask_ShareLessons";
        public static final String CLOSE_DEAL = "UserTask_CloseDeal";
        public static final String DEAL_CLOSED = "EndEvent_DealClosed";

        private Activity() {}
    }

    /** Process variable names. */
    public static final class Variable {
        public static final String DEAL_ID = "dealId";
        public static final String DEAL_NAME = "dealName";
        public static final String THEME = "theme";
        public static final String LEAD_ORGANISATION = "leadOrganisation";
        public static final String DEAL_LEAD = "dealLead";
        public static final String PROGRAMME_OFFICE_CONTACT = "programmeOfficeContact";
        /** The deal's administrative leads (bestuurders) as one line, for the answerability review's form. */
        public static final String ADMINISTRATIVE_LEADS = "administrativeLeads";

        public static final String AMBITION = "ambition";
        /** The start form's planned dates: checked as a term, as {@code POST /api/deals} checks its dates. */
        public static final String PLANNED_SIGNING_DATE = "plannedSigningDate";

        public static final String PLANNED_END_DATE = "plannedEndDate";
        public static final String PHASE = "phase";
        /** The phase as Tasklist shows and sorts it: "3. Experimenteerfase". */
        public static final String PHASE_LABEL = "phaseLabel";

        public static final String IMPORTED = "imported";

        public static final String PARTICIPANT_NAME = "participantName";
        public static final String PARTICIPANT_TYPE = "participantType";
        public static final String PARTICIPANT_ADDED_VALUE = "participantAddedValue";
        public static final String PARTICIPANT_ACCEPTED = "participantAccepted";
        public static final String MORE_PARTICIPANTS = "moreParticipants";
        public static final String PARTICIPANTS_SCREENED = "participantsScreened";
        public static final String PARTICIPANTS_ACCEPTED = "participantsAccepted";
        /** The participants screened so far, one a line in Dutch, as the proposal review shows them. */
        public static final String SCREENED_PARTICIPANTS = "screenedParticipants";

        public static final String RESOURCES_COMMITTED = "resourcesCommitted";
        public static final String RESOURCES_DESCRIPTION = "resourcesDescription";
        public static final String EXECUTION_FUNDING_VIEW = "executionFundingView";
        public static final String SETUP = "setup";
        public static final String REVIEW_DECISION = "reviewDecision";
        public static final String REVIEW_REMARKS = "reviewRemarks";
        /** Set at commitment securing and at signing: the deal is abandoned there, for the reason given. */
        public static final String ABANDON_DEAL = "abandonDeal";

        public static final String ABANDON_REASON = "abandonReason";

        public static final String SIGNED_ON = "signedOn";
        public static final String ENDS_ON = "endsOn";
        public static final String NEW_ENDS_ON = "newEndsOn";
        /** The signing's publication in the Staatscourant: year and number (the form's fields). */
        public static final String STAATSCOURANT_YEAR = "staatscourantYear";

        public static final String STAATSCOURANT_NUMBER = "staatscourantNumber";
        /**
         * The signing's reference as free text, as forms of versions before the structured reference sent it (and an
         * imported deal carries it): read once into year and number where it reads as one.
         */
        public static final String STAATSCOURANT_REFERENCE = "staatscourantReference";
        /** An extension's publication in the Staatscourant (extension and term change forms): year and number. */
        public static final String EXTENSION_STAATSCOURANT_YEAR = "extensionStaatscourantYear";

        public static final String EXTENSION_STAATSCOURANT_NUMBER = "extensionStaatscourantNumber";
        /** An extension's reference as free text, as forms of versions before the structured reference sent it. */
        public static final String EXTENSION_REFERENCE = "extensionReference";

        public static final String TERM_CHANGE_REASON = "termChangeReason";

        /**
         * What the deal means to scale, one flag per {@link nl.citydeal.engine.deal.ScalingIntent}: ticked at
         * registration, shown ticked and sharpened in the scaling exploration ({@link #intentVariable}).
         */
        public static final String SCALES_PRACTICE = "scalesPractice";

        public static final String SCALES_INSTRUMENT = "scalesInstrument";
        public static final String SCALES_KNOWLEDGE = "scalesKnowledge";
        public static final String SCALES_REGULATION_CHANGE = "scalesRegulationChange";

        public static final String OWNERSHIP_PROMPT_DUE_AT = "ownershipPromptDueAt";
        public static final String SCALING_EXPLORATION_DUE_AT = "scalingExplorationDueAt";
        public static final String MID_TERM_REVIEW_DUE_AT = "midTermReviewDueAt";
        public static final String SCALING_PLAN_DUE_AT = "scalingPlanDueAt";
        public static final String SCALING_PLAN_ESCALATION_AT = "scalingPlanEscalationAt";
        public static final String TERM_ENDS_AT = "termEndsAt";
        /** When the next answerability review falls due; null when none is left before the end. */
        public static final String ANSWERABILITY_REVIEW_DUE_AT = "answerabilityReviewDueAt";
        /** The day the prompts of the current stretch are measured from: the signing, or the start of an extension. */
        public static final String PROMPTS_PLANNED_FROM = "promptsPlannedFrom";

        public static final String OWNERSHIP_CONVERSATION_HELD = "ownershipConversationHeld";
        public static final String SCALING_EXPLORED = "scalingExplored";
        public static final String SCALING_PLAN_DELIVERED = "scalingPlanDelivered";
        public static final String MID_TERM_REVIEW_HELD = "midTermReviewHeld";
        public static final String PART_ONE_GATE_PASSED = "partOneGatePassed";
        public static final String PART_ONE_GATE_REMARKS = "partOneGateRemarks";
        public static final String EXPERIMENT_ACTION = "experimentAction";
        public static final String EARLY_END_REASON = "earlyEndReason";
        /** Input parameter of a prompt's user task and of the service task that raises it: the prompt's kind. */
        public static final String PROMPT_KIND = "promptKind";

        public static final String OUTCOME = "outcome";
        public static final String OWNERSHIP_SECURED = "ownershipSecured";
        public static final String STRUCTURAL_FUNDING_FOUND = "structuralFundingFound";
        public static final String NATIONAL_RELEVANCE = "nationalRelevance";
        public static final String REGULATION_IS_BARRIER = "regulationIsBarrier";
        public static final String PARTIES_WANT_TO_CONTINUE = "partiesWantToContinue";
        public static final String SCALING_ADVICE = "scalingAdvice";
        public static final String SCALING_DECISION_RATIONALE = "scalingDecisionRationale";

        /** A joint decision (scaling decision, early end): who proposed it, in which role, and when. */
        public static final String PROPOSED_BY = "proposedBy";
        /** {@code DEAL_LEAD} or {@code PROGRAMME_OFFICE} ({@link nl.citydeal.engine.deal.DecisionParty}). */
        public static final String PROPOSED_BY_ROLE = "proposedByRole";

        public static final String PROPOSED_AT = "proposedAt";
        /** The other party's answer to a proposal: {@code CONFIRM} or {@code REFUSE}. */
        public static final String CONFIRMATION = "confirmation";

        public static final String CONFIRMATION_REMARKS = "confirmationRemarks";

        public static final String EXTENSION_REFUSED = "extensionRefused";
        public static final String EXTENSION_REFUSAL_REASON = "extensionRefusalReason";
        /** The result of the business rule task's decision, which the engine hands its end listener. */
        public static final String DECISION_RESULT = "decisionResult";

        public static final String ROUTE_FOLLOW_UP_DEAL = "routeFollowUpDeal";
        public static final String ROUTE_EXTENSION = "routeExtension";
        public static final String ROUTE_EMBED_IN_POLICY = "routeEmbedInPolicy";
        public static final String ROUTE_CHANGE_REGULATION = "routeChangeRegulation";
        public static final String ROUTE_OTHER_DEAL_FORM = "routeOtherDealForm";
        public static final String ROUTE_MERGE = "routeMerge";
        public static final String ROUTE_KNOWLEDGE_NETWORK = "routeKnowledgeNetwork";
        public static final String ROUTE_NATIONAL_ROLLOUT = "routeNationalRollout";
        public static final String ROUTE_STOP = "routeStop";

        public static final String RECEIVING_ORGANISATION = "receivingOrganisation";
        public static final String HAND_OVER_AGREEMENTS = "handOverAgreements";
        public static final String KNOWLEDGE_PRODUCTS = "knowledgeProducts";
        public static final String STOP_REASON = "stopReason";
        /** Set on a hand-over task's form: this hand-over failed, for the reason given. */
        public static final String HAND_OVER_FAILED = "handOverFailed";

        public static final String HAND_OVER_FAILURE_REASON = "handOverFailureReason";
        /** Whether any hand-over of the routes chosen failed: then the routes end back at the scaling decision. */
        public static final String ANY_HAND_OVER_FAILED = "anyHandOverFailed";

        /*
         * The hand-overs of routes taken together ask for the same fields; each task keeps them local and hands them
         * on under its route's name, so one hand-over does not overwrite another's answers.
         */
        public static final String EMBED_IN_POLICY_RECEIVING_ORGANISATION = "embedInPolicyReceivingOrganisation";
        public static final String EMBED_IN_POLICY_HAND_OVER_AGREEMENTS = "embedInPolicyHandOverAgreements";
        public static final String MERGE_RECEIVING_ORGANISATION = "mergeReceivingOrganisation";
        public static final String MERGE_HAND_OVER_AGREEMENTS = "mergeHandOverAgreements";
        public static final String NATIONAL_ROLLOUT_RECEIVING_ORGANISATION = "nationalRolloutReceivingOrganisation";
        public static final String NATIONAL_ROLLOUT_HAND_OVER_AGREEMENTS = "nationalRolloutHandOverAgreements";
        public static final String OTHER_DEAL_FORM_HAND_OVER_AGREEMENTS = "otherDealFormHandOverAgreements";
        public static final String KNOWLEDGE_NETWORK_RECEIVING_ORGANISATION = "knowledgeNetworkReceivingOrganisation";

        public static final String POSITIVE_LESSONS = "positiveLessons";
        public static final String NEGATIVE_LESSONS = "negativeLessons";
        /**
         * The seed's lessons ({@code LessonTag} names) the positive and the negative lessons are about: the form's
         * checklists, which Tasklist sends as a JSON array in text because the task opens them as text ({@code []}).
         */
        public static final String POSITIVE_LESSON_TAGS = "positiveLessonTags";

        public static final String NEGATIVE_LESSON_TAGS = "negativeLessonTags";
        /** The deal shares its lessons with the programme office only. */
        public static final String LESSONS_INTERNAL = "lessonsInternal";

        public static final String FINAL_REPORT = "finalReport";

        public static final String PREDECESSOR_DEAL_ID = "predecessorDealId";
        public static final String SUCCESSOR_DEAL_ID = "successorDealId";

        private Variable() {}
    }

    /** The process variable that holds when a prompt falls due: its timer and its task's due date read it. */
    public static String dueAtVariable(PromptKind kind) {
        return switch (kind) {
            case OWNERSHIP_CONVERSATION -> Variable.OWNERSHIP_PROMPT_DUE_AT;
            case SCALING_EXPLORATION -> Variable.SCALING_EXPLORATION_DUE_AT;
            case MID_TERM_REVIEW -> Variable.MID_TERM_REVIEW_DUE_AT;
            case SCALING_PLAN_DUE -> Variable.SCALING_PLAN_DUE_AT;
            case SCALING_PLAN_ESCALATION -> Variable.SCALING_PLAN_ESCALATION_AT;
            case ANSWERABILITY_REVIEW -> Variable.ANSWERABILITY_REVIEW_DUE_AT;
        };
    }

    /**
     * The flag a prompt's task sets when it is done, so the prompt does not come back after an extension; none for
     * the escalation and the recurring review.
     */
    public static Optional<String> doneFlag(PromptKind kind) {
        return Optional.ofNullable(
                switch (kind) {
                    case OWNERSHIP_CONVERSATION -> Variable.OWNERSHIP_CONVERSATION_HELD;
                    case SCALING_EXPLORATION -> Variable.SCALING_EXPLORED;
                    case SCALING_PLAN_DUE -> Variable.SCALING_PLAN_DELIVERED;
                    case MID_TERM_REVIEW -> Variable.MID_TERM_REVIEW_HELD;
                    case SCALING_PLAN_ESCALATION, ANSWERABILITY_REVIEW -> null;
                });
    }

    /** The process variable that holds whether the deal means to scale this. */
    public static String intentVariable(ScalingIntent intent) {
        return switch (intent) {
            case PRACTICE -> Variable.SCALES_PRACTICE;
            case INSTRUMENT -> Variable.SCALES_INSTRUMENT;
            case KNOWLEDGE -> Variable.SCALES_KNOWLEDGE;
            case REGULATION_CHANGE -> Variable.SCALES_REGULATION_CHANGE;
        };
    }

    /** The process variable that holds whether a route was chosen (and, before the decision, advised). */
    public static String routeVariable(ScalingRoute route) {
        return switch (route) {
            case FOLLOW_UP_DEAL -> Variable.ROUTE_FOLLOW_UP_DEAL;
            case EXTENSION -> Variable.ROUTE_EXTENSION;
            case EMBED_IN_POLICY -> Variable.ROUTE_EMBED_IN_POLICY;
            case CHANGE_REGULATION -> Variable.ROUTE_CHANGE_REGULATION;
            case OTHER_DEAL_FORM -> Variable.ROUTE_OTHER_DEAL_FORM;
            case MERGE -> Variable.ROUTE_MERGE;
            case KNOWLEDGE_NETWORK -> Variable.ROUTE_KNOWLEDGE_NETWORK;
            case NATIONAL_ROLLOUT -> Variable.ROUTE_NATIONAL_ROLLOUT;
            case STOP -> Variable.ROUTE_STOP;
        };
    }
}
