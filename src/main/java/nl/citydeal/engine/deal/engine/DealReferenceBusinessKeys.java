package nl.citydeal.engine.deal.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import nl.citydeal.engine.deal.DealReferences;
import nl.citydeal.engine.processengine.CityDealProcess;

import static nl.citydeal.engine.processengine.CityDealProcess.Variable.DEAL_ID;

/**
 * Running deals started before the references (issue #18 point 5, V115) have their deal's id as business key: at
 * start-up each gets its deal's reference instead (as {@code DelegateExecution.setProcessBusinessKey} does, which the history follows),
 * and the variable {@code dealId} where it lacked it. Idempotent: an instance whose key is its reference is left
 * alone, so a second start changes nothing; on two nodes starting at once, the node that loses the race for an
 * instance (optimistic locking) leaves it to the other. Finished instances keep the id as key in the history, which
 * is why nothing reads a deal from a business key ({@code processengine.DealInstances}).
 */
@Component
class DealReferenceBusinessKeys {

    private static final Logger LOG = LoggerFactory.getLogger(DealReferenceBusinessKeys.class);
    static final int PAGE = 500;

    private final RuntimeService runtimeService;
    private final DealReferences references;
    private final ProcessEngineConfigurationImpl engineConfiguration;

    DealReferenceBusinessKeys(
            RuntimeService runtimeService,
            DealReferences references,
            ProcessEngineConfigurationImpl engineConfiguration) {
        this.runtimeService = runtimeService;
        this.references = references;
        this.engineConfiguration = engineConfiguration;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartUp() {
        try {
            int renamed = update();
            if (renamed > 0) {
                LOG.info("Gave {} running deals their reference as business key", renamed);
            }
        } catch (RuntimeException e) {
            // the deals run on with their id as key (DealInstances finds them by it); the next start tries again
            LOG.warn("Could not give running deals their reference as business key", e);
        }
    }

    /** Gives every running deal whose business key is not its reference that reference; returns how many. */
    int update() {
        int renamed = 0;
        for (int offset = 0; ; offset += PAGE) {
            List<ProcessInstance> page = runtimeService
                    .createProcessInstanceQuery()
                    .processDefinitionKey(CityDealProcess.KEY)
                    .orderByProcessInstanceId()
                    .asc()
                    .listPage(offset, PAGE);
            renamed += update(page);
            if (page.size() < PAGE) {
                return renamed;
            }
        }
    }

    /**
     * Camunda 7's public API sets a business key only from inside the process ({@code
     * DelegateExecution.setProcessBusinessKey}); this command does the same for an instance, in a transaction of its
     * own, which also updates the key of its historic process instance.
     */
    private static Command<Void> rename(String processInstanceId, String dealId, String reference) {
        return commandContext -> {
            ExecutionEntity instance = commandContext.getExecutionManager().findExecutionById(processInstanceId);
            if (instance == null || reference.equals(instance.getBusinessKey())) {
                return null;
            }
            if (!instance.hasVariable(DEAL_ID)) {
                instance.setVariable(DEAL_ID, dealId);
            }
            instance.setProcessBusinessKey(reference);
            return null;
        };
    }

    /** Three queries for a page (its instances' deal ids, their references), a change only where one is due. */
    private int update(List<ProcessInstance> page) {
        if (page.isEmpty()) {
            return 0;
        }
        Map<String, String> dealIds = new HashMap<>();
        for (VariableInstance variable : runtimeService
                .createVariableInstanceQuery()
                .processInstanceIdIn(page.stream().map(ProcessInstance::getId).toArray(String[]::new))
                .variableName(DEAL_ID)
                .listPage(0, PAGE)) {
            if (variable.getValue() instanceof String dealId
                    && variable.getExecutionId().equals(variable.getProcessInstanceId())) {
                dealIds.put(variable.getProcessInstanceId(), dealId);
            }
        }
        Map<String, String> dealIdOfInstance = new HashMap<>();
        for (ProcessInstance instance : page) {
            String dealId = dealIds.getOrDefault(instance.getId(), instance.getBusinessKey());
            if (dealId != null) {
                dealIdOfInstance.put(instance.getId(), dealId);
            }
        }
        Map<String, String> referenceOfDeal = references.of(dealIdOfInstance.values());
        int renamed = 0;
        for (ProcessInstance instance : page) {
            String dealId = dealIdOfInstance.get(instance.getId());
            String reference = dealId == null ? null : referenceOfDeal.get(dealId);
            if (reference == null || reference.equals(instance.getBusinessKey())) {
                continue;
            }
            try {
                engineConfiguration.getCommandExecutorTxRequired().execute(rename(instance.getId(), dealId, reference));
                renamed++;
            } catch (OptimisticLockingException e) {
                // the other node renamed it at the same moment
            }
        }
        return renamed;
    }
}
