package nl.citydeal.engine.portfolio;

import java.util.Arrays;
import java.util.Optional;

import nl.citydeal.engine.deal.DealPhase;

/** What the overview shows: filters (a null or blank one does not filter) and the order. */
public record PortfolioQuery(DealPhase phase, String theme, String dealLead, boolean overdueOnly, Order order) {

    public PortfolioQuery {
        theme = theme == null || theme.isBlank() ? null : theme.strip();
        dealLead = dealLead == null || dealLead.isBlank() ? null : dealLead.strip();
        order = order == null ? Order.NAME : order;
    }

    public static PortfolioQuery all() {
        return new PortfolioQuery(null, null, null, false, Order.NAME);
    }

    /** The orders of the overview, each with its request parameter value and Dutch label. */
    public enum Order {
        NAME("name", "Naam"),
        PHASE("phase", "Fase"),
        NEXT_PROMPT("nextPrompt", "Volgende prompt"),
        END_DATE("endsOn", "Einddatum");

        private final String parameter;
        private final String label;

        Order(String parameter, String label) {
            this.parameter = parameter;
            this.label = label;
        }

        public String parameter() {
            return parameter;
        }

        public String label() {
            return label;
        }

        public static Optional<Order> ofParameter(String value) {
            return Arrays.stream(values())
                    .filter(order -> order.parameter.equals(value))
                    .findFirst();
        }
    }
}
