package nl.citydeal.engine.portfolio;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import nl.citydeal.engine.deal.Deal;
import nl.citydeal.engine.deal.DealCriteria;
import nl.citydeal.engine.deal.DealPhase;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.ScalingRoute;
import nl.citydeal.engine.prompt.Prompt;
import nl.citydeal.engine.prompt.PromptLog;
import nl.citydeal.engine.prompt.PromptSchedule;

/** The programme office's view over all deals (or a deal lead's over their own): where each stands, what is due. */
@Service
@Transactional(readOnly = true)
public class Portfolio {

    private final DealRegistry registry;
    private final PromptLog promptLog;
    private final Clock clock;

    public Portfolio(DealRegistry registry, PromptLog promptLog, Clock clock) {
        this.registry = registry;
        this.promptLog = promptLog;
        this.clock = clock;
    }

    /** Each visible deal with its next open prompt and its overdue prompts. */
    public List<DealLine> lines(String onlyLead) {
        Instant now = clock.instant();
        List<DealLine> lines = new ArrayList<>();
        for (Deal deal : registry.search(new DealCriteria(null, null, onlyLead, false),
                PageRequest.of(0, 10_000, Sort.by("name"))).getContent()) {
            List<Prompt> prompts = promptLog.forDeal(deal.getId());
            Optional<Prompt> next = prompts.stream().filter(p -> p.isOpen()).min(Comparator.comparing(Prompt::getDueAt));
            long overdue = prompts.stream().filter(p -> p.isOverdue(now)).count();
            lines.add(new DealLine(deal, next.orElse(null), overdue));
        }
        return lines;
    }

    public Summary summary(String onlyLead) {
        Instant now = clock.instant();
        YearMonth month = YearMonth.now(clock.withZone(PromptSchedule.ZONE));
        Map<DealPhase, Long> byPhase = new EnumMap<>(DealPhase.class);
        Map<ScalingRoute, Long> routes = new EnumMap<>(ScalingRoute.class);
        long dueThisMonth = 0;
        long overdue = 0;
        for (DealLine line : lines(onlyLead)) {
            byPhase.merge(line.deal().getPhase(), 1L, Long::sum);
            line.deal().getRoutes().forEach(route -> routes.merge(route, 1L, Long::sum));
            for (Prompt prompt : promptLog.forDeal(line.deal().getId())) {
                LocalDate due = prompt.getDueAt().atZone(PromptSchedule.ZONE).toLocalDate();
                if (prompt.isOpen() && YearMonth.from(due).equals(month)) {
                    dueThisMonth++;
                }
                if (prompt.isOverdue(now)) {
                    overdue++;
                }
            }
        }
        return new Summary(byPhase, dueThisMonth, overdue, routes);
    }

    /** A deal in the overview. */
    public record DealLine(Deal deal, Prompt nextPrompt, long overduePrompts) {
    }

    /** Counts over the portfolio. */
    public record Summary(Map<DealPhase, Long> byPhase, long promptsDueThisMonth, long overduePrompts,
                          Map<ScalingRoute, Long> routesChosen) {
    }
}
