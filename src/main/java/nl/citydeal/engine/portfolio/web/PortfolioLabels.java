package nl.citydeal.engine.portfolio.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.DealDecision;
import nl.citydeal.engine.deal.DealSetup;
import nl.citydeal.engine.deal.ParticipantType;
import nl.citydeal.engine.deal.ReviewOutcome;
import nl.citydeal.engine.portfolio.PortfolioDates;

/** Dutch words and dates for the portfolio pages ({@code ${@portfolioLabels.day(date)}} in the templates). */
@Component
public class PortfolioLabels {

    private static final Map<DealDecision.Kind, String> DECISIONS = Map.of(
            DealDecision.Kind.REGISTERED, "Geregistreerd",
            DealDecision.Kind.PROPOSAL_REVIEWED, "Voorstel beoordeeld",
            DealDecision.Kind.SIGNED, "Ondertekend",
            DealDecision.Kind.TERM_CHANGED, "Looptijd gewijzigd",
            DealDecision.Kind.PARTICIPANT_SCREENED, "Deelnemer gescreend",
            DealDecision.Kind.LEAD_CHANGED, "Dealtrekker gewijzigd",
            DealDecision.Kind.EXPERIMENTATION_ENDED, "Experimenteerfase beëindigd",
            DealDecision.Kind.SCALING_DECIDED, "Opschalingsbesluit",
            DealDecision.Kind.CLOSED, "Afgesloten");

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
