package nl.citydeal.engine.portfolio;

import java.util.Arrays;
import java.util.Optional;

import nl.citydeal.engine.deal.DealOrder;
import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.ScalingIntent;

/**
 * What the overview shows: filters (a null or blank one does not filter; {@code stalledOnly} keeps the stalled deals), the search through the deals' texts (none
 * when null) and the order.
 */
public record PortfolioQuery(
        DealPhase phase,
        String theme,
        String dealLead,
        ScalingIntent scalingIntent,
        boolean overdueOnly,
        SearchText search,
        Order order,
        boolean stalledOnly) {

    public PortfolioQuery {
        theme = theme == null || theme.isBlank() ? null : theme.strip();
        dealLead = dealLead == null || dealLead.isBlank() ? null : dealLead.strip();
        order = order == null ? Order.NAME : order;
    }

    public PortfolioQuery(
            DealPhase phase,
            String theme,
            String dealLead,
            ScalingIntent scalingIntent,
            boolean overdueOnly,
            SearchText search,
            Order order) {
        this(phase, theme, dealLead, scalingIntent, overdueOnly, search, order, false);
    }

    /** The same filters and order without the search. */
    public PortfolioQuery withoutSearch() {
        return new PortfolioQuery(phase, theme, dealLead, scalingIntent, overdueOnly, null, order, stalledOnly);
    }

    /** The deals whose texts match the search, in the order of their names. */
    public static PortfolioQuery searching(SearchText search) {
        return new PortfolioQuery(null, null, null, null, false, search, Order.NAME);
    }

    public static PortfolioQuery all() {
        return new PortfolioQuery(null, null, null, null, false, null, Order.NAME);
    }

    /** The orders of the overview, each with its request parameter value and Dutch label. */
    public enum Order {
        NAME("name", "Naam", DealOrder.NAME),
        PHASE("phase", "Fase", DealOrder.PHASE),
        NEXT_PROMPT("nextPrompt", "Volgende prompt", DealOrder.NEXT_PROMPT),
        END_DATE("endsOn", "Einddatum", DealOrder.END_DATE);

        private final String parameter;
        private final String label;
        private final DealOrder dealOrder;

        Order(String parameter, String label, DealOrder dealOrder) {
            this.parameter = parameter;
            this.label = label;
            this.dealOrder = dealOrder;
        }

        /** The order as the deal feature sorts by it. */
        public DealOrder dealOrder() {
            return dealOrder;
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
