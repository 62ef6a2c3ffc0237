package nl.citydeal.engine.processengine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeployedTaskFormsTest {

    final DeployedTaskForms forms = new DeployedTaskForms();
    final AtomicInteger reads = new AtomicInteger();

    @Test
    void aFormBoundByDeploymentIsReadOncePerProcessVersionAndTask() {
        UserTask task =
                task(builder -> builder.camundaFormRef("screen-participant").camundaFormRefBinding("deployment"));

        assertThat(forms.of("city-deal:3:a", task, form("{\"v\":1}")))
                .hasValueSatisfying(json ->
                        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"v\":1}"));
        assertThat(forms.of("city-deal:3:a", task, form("{\"v\":2}")))
                .hasValueSatisfying(json ->
                        assertThat(new String(json, StandardCharsets.UTF_8)).isEqualTo("{\"v\":1}"));
        assertThat(reads).hasValue(1);

        forms.of("city-deal:4:b", task, form("{\"v\":2}"));
        assertThat(reads).as("another process version has its own form").hasValue(2);
    }

    @Test
    void aFormBoundToItsLatestVersionOrThroughAnExpressionIsReadEachTime() {
        UserTask latest =
                task(builder -> builder.camundaFormRef("screen-participant").camundaFormRefBinding("latest"));
        UserTask expression =
                task(builder -> builder.camundaFormRef("${formName}").camundaFormRefBinding("deployment"));

        forms.of("city-deal:3:a", latest, form("{}"));
        forms.of("city-deal:3:a", latest, form("{}"));
        forms.of("city-deal:3:a", expression, form("{}"));
        forms.of("city-deal:3:a", expression, form("{}"));

        assertThat(reads).hasValue(4);
    }

    @Test
    void aTaskWithoutAFormHasNoneAndIsNotAskedAgain() {
        UserTask task = task(builder -> builder.camundaFormRef("gone").camundaFormRefBinding("deployment"));
        Supplier<InputStream> none = () -> {
            reads.incrementAndGet();
            throw new BadUserRequestException("no form");
        };

        assertThat(forms.of("city-deal:3:a", task, none)).isEmpty();
        assertThat(forms.of("city-deal:3:a", task, none)).isEmpty();
        assertThat(reads).hasValue(1);
    }

    @Test
    void aRefusedLookupIsPassedOnAndNothingIsKept() {
        UserTask task =
                task(builder -> builder.camundaFormRef("screen-participant").camundaFormRefBinding("deployment"));

        assertThatThrownBy(() -> forms.of("city-deal:3:a", task, () -> {
                    throw new AuthorizationException("bram", "READ", "Task", "t1");
                }))
                .isInstanceOf(AuthorizationException.class);
        assertThat(forms.of("city-deal:3:a", task, form("{}"))).isPresent();
        assertThat(reads).hasValue(1);
    }

    private Supplier<InputStream> form(String json) {
        return () -> {
            reads.incrementAndGet();
            return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
        };
    }

    private static UserTask task(java.util.function.UnaryOperator<UserTaskBuilder> form) {
        return form.apply(Bpmn.createExecutableProcess("p").startEvent().userTask("Task_Screen"))
                .endEvent()
                .done()
                .getModelElementById("Task_Screen");
    }
}
