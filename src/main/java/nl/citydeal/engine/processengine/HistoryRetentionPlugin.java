package nl.citydeal.engine.processengine;

import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.batch.history.HistoricBatchEntity;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.DefaultHistoryRemovalTimeProvider;
import org.camunda.bpm.engine.impl.history.HistoryRemovalTimeProvider;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionInstanceEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.system.RetentionProperties;

/**
 * Camunda's history cleanup removes a closed deal's history when the app removes its case file
 * ({@code admin.Retention}), both from {@code citydeal.retention.closed-deals} (docs/operations.md, "Retention"):
 * <ul>
 * <li>the cleanup is removal-time based and runs in a nightly window, 01:00 to 05:00 on the node's clock, unless
 * {@code camunda.bpm.generic-properties.properties.history-cleanup-batch-window-start-time} (and
 * {@code -end-time}, {@code history-cleanup-strategy}) say otherwise; without a window the engine never schedules it;</li>
 * <li>when a deal's process instance ends, its history (and that of the decisions it evaluated) gets the removal
 * time end + {@code closed-deals} (calendar years in Dutch time), instead of end + the model's
 * {@code historyTimeToLive} in days. History of other processes, standalone decision evaluations and batches keeps
 * the engine's rule (the models' time to live).</li>
 * </ul>
 * Instances that ended before this rule came keep the removal time they got (end + 3650 days, the models' time to live).
 */
@Component
public class HistoryRetentionPlugin extends AbstractProcessEnginePlugin {

    static final String WINDOW_START = "01:00";
    static final String WINDOW_END = "05:00";

    private final RetentionProperties retention;

    public HistoryRetentionPlugin(RetentionProperties retention) {
        this.retention = retention;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getHistoryCleanupBatchWindowStartTime() == null) {
            // no window configured (the engine's end time then is its own default, 00:00): ours, both ends
            configuration.setHistoryCleanupBatchWindowStartTime(WINDOW_START);
            configuration.setHistoryCleanupBatchWindowEndTime(WINDOW_END);
        }
        if (configuration.getHistoryCleanupStrategy() == null) {
            configuration.setHistoryCleanupStrategy(
                    ProcessEngineConfiguration.HISTORY_CLEANUP_STRATEGY_REMOVAL_TIME_BASED);
        }
        if (configuration.getHistoryRemovalTimeStrategy() == null) {
            configuration.setHistoryRemovalTimeStrategy(ProcessEngineConfiguration.HISTORY_REMOVAL_TIME_STRATEGY_END);
        }
        HistoryRemovalTimeProvider engineRule = configuration.getHistoryRemovalTimeProvider() == null
                ? new DefaultHistoryRemovalTimeProvider()
                : configuration.getHistoryRemovalTimeProvider();
        configuration.setHistoryRemovalTimeProvider(new ClosedDealRemovalTime(retention, engineRule));
    }

    /** End of a deal's process + {@code closed-deals}; everything else by the engine's rule. */
    static final class ClosedDealRemovalTime implements HistoryRemovalTimeProvider {

        private static final ZoneId DUTCH = ZoneId.of("Europe/Amsterdam");

        private final RetentionProperties retention;
        private final HistoryRemovalTimeProvider engineRule;

        ClosedDealRemovalTime(RetentionProperties retention, HistoryRemovalTimeProvider engineRule) {
            this.retention = retention;
            this.engineRule = engineRule;
        }

        @Override
        public Date calculateRemovalTime(HistoricProcessInstanceEventEntity instance, ProcessDefinition definition) {
            if (definition != null
                    && CityDealProcess.KEY.equals(definition.getKey())
                    && instance.getEndTime() != null) {
                return Date.from(instance.getEndTime()
                        .toInstant()
                        .atZone(DUTCH)
                        .plus(retention.closedDeals())
                        .toInstant());
            }
            return engineRule.calculateRemovalTime(instance, definition);
        }

        @Override
        public Date calculateRemovalTime(HistoricDecisionInstanceEntity instance, DecisionDefinition definition) {
            return engineRule.calculateRemovalTime(instance, definition);
        }

        @Override
        public Date calculateRemovalTime(HistoricBatchEntity batch) {
            return engineRule.calculateRemovalTime(batch);
        }
    }
}
