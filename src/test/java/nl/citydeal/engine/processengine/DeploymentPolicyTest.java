package nl.citydeal.engine.processengine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The deployment policy: the shipped models pass, code in a model does not. */
class DeploymentPolicyTest {

    static final String SHELL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_Test" targetNamespace="http://test">
              <bpmn:process id="test" name="Test" isExecutable="true" camunda:historyTimeToLive="1">
                %s
              </bpmn:process>
            </bpmn:definitions>
            """;

    @Test
    void theShippedModelsPass() throws IOException {
        try (Stream<Path> models = Files.list(Path.of("processes"))) {
            List<Path> files = models.toList();
            assertThat(files).isNotEmpty();
            for (Path file : files) {
                assertThat(DeploymentPolicy.check(file.getFileName().toString(), Files.readAllBytes(file)))
                        .as(file.toString())
                        .isEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "script task | <bpmn:scriptTask id='Task_X' name='Doe iets' scriptFormat='groovy'><bpmn:script>1</bpmn:script></bpmn:scriptTask> | een scriptTask is niet toegestaan",
                "Java class | <bpmn:serviceTask id='Task_X' name='Doe iets' camunda:class='java.lang.Object' /> | een Java-klasse (camunda:class",
                "script listener | <bpmn:userTask id='Task_X' name='Doe iets'><bpmn:extensionElements><camunda:taskListener event='create'><camunda:script scriptFormat='javascript'>1</camunda:script></camunda:taskListener></bpmn:extensionElements></bpmn:userTask> | een script (camunda:script)",
                "script resource | <bpmn:userTask id='Task_X' name='Doe iets'><bpmn:extensionElements><camunda:executionListener event='start'><camunda:script scriptFormat='groovy' resource='x.groovy' /></camunda:executionListener></bpmn:extensionElements></bpmn:userTask> | een script",
                "connector | <bpmn:serviceTask id='Task_X' name='Doe iets'><bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask> | een connector (camunda:connector)",
                "Runtime in an expression | <bpmn:serviceTask id='Task_X' name='Doe iets' camunda:expression='${Runtime.getRuntime().exec(&quot;ls&quot;)}' /> | eigenschappen en methoden",
                "method call on a variable | <bpmn:userTask id='Task_X' name='Doe iets' camunda:assignee='${dealLead.getClass()}' /> | eigenschappen en methoden",
                "call of a function | <bpmn:userTask id='Task_X' name='Doe iets' camunda:assignee='${exec(&quot;ls&quot;)}' /> | de aanroep exec(...)",
                "index | <bpmn:userTask id='Task_X' name='Doe iets' camunda:assignee='${execution[&quot;processEngine&quot;]}' /> | indexeren",
                "delegate expression with a call | <bpmn:serviceTask id='Task_X' name='Doe iets' camunda:delegateExpression='${beans.get(&quot;x&quot;)}' /> | moet precies één bean noemen",
                "script condition | <bpmn:sequenceFlow id='Flow_X' name='Ja' sourceRef='a' targetRef='b'><bpmn:conditionExpression xsi:type='bpmn:tFormalExpression' language='javascript'>true</bpmn:conditionExpression></bpmn:sequenceFlow> | scripttaal 'javascript'"
            })
    void codeInAModelIsRefusedNamingTheElement(String what, String element, String problem) {
        byte[] model = SHELL.formatted(element.replace('\'', '"')).getBytes(StandardCharsets.UTF_8);

        List<DeploymentPolicy.Violation> violations = DeploymentPolicy.check("test.bpmn", model);

        assertThat(violations).as(what).isNotEmpty();
        assertThat(violations.get(0).message())
                .contains(problem)
                .containsPattern("^'(Task|Flow)_X' \\((Doe iets|Ja)\\)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "${dealLead}",
                "${!moreParticipants}",
                "${reviewDecision == 'APPROVE'}",
                "${setup != 'TWO_PART' || partOneGatePassed}",
                "${a && !(b or c)}",
                "${empty x}",
                "${count > 2}",
                "${dateTime()}",
                "${x == null ? 'a' : 'b'}",
                "#{flag}"
            })
    void simpleConditionsOverVariablesPass(String expression) {
        String element = "<bpmn:userTask id=\"Task_X\" name=\"Doe iets\" camunda:assignee=\"%s\" />"
                .formatted(expression.replace("'", "&apos;"));

        assertThat(DeploymentPolicy.check("test.bpmn", SHELL.formatted(element).getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    @Test
    void aDecisionInAnotherLanguageThanFeelIsRefused() {
        String dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="http://test">
                  <decision id="Decision_X" name="Besluit">
                    <decisionTable id="Table_X">
                      <input id="Input_X"><inputExpression id="Expr_X" typeRef="string" expressionLanguage="javascript">
                        <text>java.lang.Runtime.getRuntime()</text></inputExpression></input>
                      <output id="Output_X" name="out" typeRef="string" />
                    </decisionTable>
                  </decision>
                </definitions>
                """;

        assertThat(DeploymentPolicy.check("x.dmn", dmn.getBytes(StandardCharsets.UTF_8)))
                .extracting(DeploymentPolicy.Violation::message)
                .singleElement()
                .asString()
                .contains("'Expr_X'", "expressietaal 'javascript'");
    }

    @Test
    void aCaseModelIsRefused() {
        assertThat(DeploymentPolicy.check("x.cmmn", "<definitions/>".getBytes(StandardCharsets.UTF_8)))
                .isNotEmpty();
    }
}
