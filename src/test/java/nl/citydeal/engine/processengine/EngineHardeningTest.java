package nl.citydeal.engine.processengine;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.DealRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the engine itself refuses, whoever calls it: code in a new deployment, and beans that are no part of a model. */
@CityDealSpringTest
class EngineHardeningTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    @Qualifier("planPromptsDelegate")
    JavaDelegate planPromptsDelegate;

    @Autowired
    DealRegistry dealRegistry;

    @Test
    void expressionsReachTheModelsBeansButNoOtherSpringBean() {
        JuelExpressionManager expressions = (JuelExpressionManager)
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getExpressionManager();
        ELContext context =
                expressions.createElContext(Variables.createVariables().asVariableContext());

        assertThat(expressions.createValueExpression("${planPromptsDelegate}").getValue(context))
                .isSameAs(planPromptsDelegate);
        assertThat(dealRegistry).as("the bean exists").isNotNull();
        assertThatThrownBy(() ->
                        expressions.createValueExpression("${dealRegistry}").getValue(context))
                .isInstanceOf(PropertyNotFoundException.class);
    }

    @Test
    void aDeploymentWithCodeIsRefusedByTheEngineAndDeploysNothing() {
        long deployments = repositoryService.createDeploymentQuery().count();
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Code" targetNamespace="http://test">
                  <bpmn:process id="code" name="Code" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="Start" />
                    <bpmn:scriptTask id="Task_Script" name="Iets uitvoeren" scriptFormat="groovy">
                      <bpmn:script>java.lang.Runtime.getRuntime()</bpmn:script>
                    </bpmn:scriptTask>
                  </bpmn:process>
                </bpmn:definitions>
                """;

        assertThatThrownBy(() -> repositoryService
                        .createDeployment()
                        .name("code")
                        .addString("code.bpmn", model)
                        .deploy())
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("code.bpmn: 'Task_Script' (Iets uitvoeren): een scriptTask is niet toegestaan.");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }
}
