package nl.citydeal.engine.admin;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import static nl.citydeal.engine.admin.AdminTestSupport.changed;
import static nl.citydeal.engine.admin.AdminTestSupport.model;
import static nl.citydeal.engine.admin.AdminTestSupport.promptScheduleWithOwnershipAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The differences of an upload against the deployed file, on the repository's own models and forms. */
class ModelDiffTest {

    private static final String CITY_DEAL = "processes/city-deal.bpmn";
    private static final String SCHEDULE = "processes/prompt-schedule.dmn";
    private static final String OWNERSHIP_FORM = "forms/hold-ownership-conversation.form";

    private final ModelDiffs diffs = new ModelDiffs(new ObjectMapper());

    @Test
    void sameFileIsUnchangedWithoutChanges() {
        FileDiff diff = diff("city-deal.bpmn", model(CITY_DEAL), model(CITY_DEAL));

        assertThat(diff.status()).isEqualTo(FileDiff.Status.UNCHANGED);
        assertThat(diff.kind()).isEqualTo("bpmn");
        assertThat(diff.changes()).isEmpty();
    }

    @Test
    void fileNotDeployedIsNewWithEveryElementAdded() {
        FileDiff diff = diffs.diff(file("city-deal.bpmn", model(CITY_DEAL)), null);

        assertThat(diff.status()).isEqualTo(FileDiff.Status.NEW);
        assertThat(diff.changes()).extracting(ModelChange::change).containsOnly(ModelChange.Change.ADDED);
        assertThat(diff.changes())
                .extracting(ModelChange::elementId)
                .contains("UserTask_HoldOwnershipConversation", "BoundaryEvent_OwnershipPromptDue");
    }

    @Test
    void renamedTaskIsChangedWithItsOldAndNewNameInDutch() {
        String renamed = changed(
                CITY_DEAL,
                "name=\"Eigenaarschapsgesprek voeren\" camunda:formRef",
                "name=\"Gesprek over eigenaarschap voeren\" camunda:formRef");

        FileDiff diff = diff("city-deal.bpmn", model(CITY_DEAL), renamed);

        assertThat(diff.status()).isEqualTo(FileDiff.Status.CHANGED);
        assertThat(diff.changes()).singleElement().satisfies(change -> {
            assertThat(change.change()).isEqualTo(ModelChange.Change.CHANGED);
            assertThat(change.elementId()).isEqualTo("UserTask_HoldOwnershipConversation");
            assertThat(change.elementType()).isEqualTo("Gebruikerstaak");
            assertThat(change.name()).isEqualTo("Gesprek over eigenaarschap voeren");
            assertThat(change.details())
                    .containsExactly("Naam: 'Eigenaarschapsgesprek voeren' → 'Gesprek over eigenaarschap voeren'");
        });
    }

    @Test
    void changedCandidateGroupsDocumentationListenerAndTimerAreEachALine() {
        String model = changed(
                CITY_DEAL,
                "camunda:assignee=\"${dealLead}\" camunda:dueDate=\"${ownershipPromptDueAt}\"",
                "camunda:candidateGroups=\"programme-office\" camunda:dueDate=\"${ownershipPromptDueAt}\"");
        model = model.replace(
                "<bpmn:documentation>Voer vroeg in de looptijd", "<bpmn:documentation>Voer heel vroeg in de looptijd");
        model = model.replace(
                "<camunda:executionListener delegateExpression=\"${answerPromptListener}\" event=\"end\" />\n"
                        + "        </bpmn:extensionElements>\n        <bpmn:incoming>Flow_OwnershipOpen",
                "</bpmn:extensionElements>\n        <bpmn:incoming>Flow_OwnershipOpen");
        model = model.replace(
                "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${ownershipPromptDueAt}</bpmn:timeDate>",
                "<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">${scalingExplorationDueAt}</bpmn:timeDate>");

        FileDiff diff = diff("city-deal.bpmn", model(CITY_DEAL), model);

        assertThat(diff.changes()).hasSize(2);
        ModelChange task = change(diff, "UserTask_HoldOwnershipConversation");
        assertThat(task.details())
                .contains(
                        "Toegewezen aan: '${dealLead}' → (geen)",
                        "Kandidaatgroepen: (geen) → 'programme-office'",
                        "Uitvoeringsluisteraar: 'end: delegateExpression=${answerPromptListener}' → (geen)")
                .anySatisfy(line ->
                        assertThat(line).startsWith("Documentatie: 'Voer vroeg").contains("→ 'Voer heel vroeg"));
        ModelChange timer = change(diff, "BoundaryEvent_OwnershipPromptDue");
        assertThat(timer.elementType()).isEqualTo("Grensgebeurtenis");
        assertThat(timer.details())
                .containsExactly("Timer: tijdstip: '${ownershipPromptDueAt}' → '${scalingExplorationDueAt}'");
    }

    @Test
    void addedAndRemovedTasksAndFlowsAreListedByIdWithTheirProperties() {
        FileDiff diff = diff("city-deal.bpmn", model(CITY_DEAL), AdminTestSupport.cityDealWithExtraUserTask());

        assertThat(diff.changes())
                .filteredOn(change -> change.change() == ModelChange.Change.ADDED)
                .extracting(ModelChange::elementId)
                .containsExactlyInAnyOrder("UserTask_ArchiveDeal", "Flow_ArchivedToCloseDeal");
        ModelChange added = change(diff, "UserTask_ArchiveDeal");
        assertThat(added.name()).isEqualTo("Dossier archiveren");
        assertThat(added.details()).contains("Formulier: 'close-deal'", "Kandidaatgroepen: 'programme-office'");
        assertThat(change(diff, "Flow_LessonsSharedToCloseDeal").details())
                .containsExactly("Naar: 'UserTask_CloseDeal' → 'UserTask_ArchiveDeal'");
        assertThat(change(diff, "city-deal").details()).contains("Versielabel: '1.0.0' → '1.1.0'");

        FileDiff back = diff("city-deal.bpmn", AdminTestSupport.cityDealWithExtraUserTask(), model(CITY_DEAL));
        assertThat(change(back, "UserTask_ArchiveDeal").change()).isEqualTo(ModelChange.Change.REMOVED);
    }

    @Test
    void movedShapeIsALayoutChangeOfTheDiagram() {
        String model = model(CITY_DEAL);
        int bounds = model.indexOf("<dc:Bounds x=\"");
        String moved =
                model.substring(0, bounds) + "<dc:Bounds x=\"1" + model.substring(bounds + "<dc:Bounds x=\"".length());

        FileDiff diff = diff("city-deal.bpmn", model, moved);

        assertThat(diff.changes()).singleElement().satisfies(change -> {
            assertThat(change.elementType()).isEqualTo("Diagram");
            assertThat(change.details()).containsExactly("Opmaak (posities en lijnen) gewijzigd");
        });
    }

    @Test
    void changedRuleOfTheDecisionTableShowsTheEntryUnderItsColumnLabel() {
        FileDiff diff = diff("prompt-schedule.dmn", model(SCHEDULE), promptScheduleWithOwnershipAt("0.20"));

        assertThat(diff.kind()).isEqualTo("dmn");
        ModelChange rule = change(diff, "Rule_OwnershipConversation");
        assertThat(rule.elementType()).isEqualTo("Regel");
        assertThat(rule.name()).startsWith("Eigenaarschap: bespreek gedeeld eigenaarschap vroeg");
        assertThat(rule.details()).containsExactly("Deel van de looptijd: '0.25' → '0.20'");
        assertThat(change(diff, "prompt-schedule").details()).containsExactly("Versielabel: '1.0.0' → '1.1.0'");
        assertThat(diff.changes()).hasSize(2);
    }

    @Test
    void addedRuleListsItsInputAndOutputEntriesAndHitPolicyChangeIsOnTheDecision() {
        String rule = model(SCHEDULE)
                .substring(
                        model(SCHEDULE).indexOf("      <rule id=\"Rule_AnswerabilityReview\">"),
                        model(SCHEDULE).indexOf("    </decisionTable>"));
        String extra = rule.replace("Rule_AnswerabilityReview", "Rule_Extra")
                .replace("_AnswerabilityReview_", "_Extra_")
                .replace("<text>-</text>", "<text>&lt; 100</text>");
        String changed = model(SCHEDULE)
                .replace("    </decisionTable>", extra + "    </decisionTable>")
                .replace("hitPolicy=\"COLLECT\"", "hitPolicy=\"RULE ORDER\"");

        FileDiff diff = diff("prompt-schedule.dmn", model(SCHEDULE), changed);

        ModelChange added = change(diff, "Rule_Extra");
        assertThat(added.change()).isEqualTo(ModelChange.Change.ADDED);
        assertThat(added.details())
                .contains(
                        "Looptijd in dagen: '< 100'",
                        "Herinnering: '\"ANSWERABILITY_REVIEW\"'",
                        "Herhalen elke maanden: '6'");
        assertThat(change(diff, "prompt-schedule").details()).containsExactly("Hitbeleid: 'COLLECT' → 'RULE ORDER'");
    }

    @Test
    void formComponentsAreMatchedByKeyWithLabelTypeAndValidationChanges() {
        String form = changed(
                        OWNERSHIP_FORM,
                        "\"label\": \"Wie wordt eigenaar van het resultaat?\"",
                        "\"label\": \"Wie draagt het resultaat?\"")
                .replace("\"maxLength\": 200", "\"maxLength\": 100")
                .replace(
                        "\"type\": \"textarea\",\n      \"key\": \"ownershipOutcome\"",
                        "\"type\": \"textfield\",\n      \"key\": \"ownershipOutcome\"");

        FileDiff diff = diff("hold-ownership-conversation.form", model(OWNERSHIP_FORM), form);

        assertThat(diff.kind()).isEqualTo("form");
        ModelChange owners = change(diff, "futureOwners");
        assertThat(owners.elementType()).isEqualTo("Tekstveld");
        assertThat(owners.name()).isEqualTo("Wie draagt het resultaat?");
        assertThat(owners.details())
                .contains("Label: 'Wie wordt eigenaar van het resultaat?' → 'Wie draagt het resultaat?'")
                .anySatisfy(line ->
                        assertThat(line).startsWith("Validatie: '{\"maxLength\":200}' → '{\"maxLength\":100}'"));
        assertThat(change(diff, "ownershipOutcome").details()).containsExactly("Type: 'textarea' → 'textfield'");
    }

    @Test
    void removedFormComponentIsRemoved() {
        String form = model(OWNERSHIP_FORM);
        int start = form.indexOf("    {\n      \"type\": \"textarea\",\n      \"key\": \"ownershipOutcome\"");
        int end = form.indexOf("    {", start + 5);
        FileDiff diff = diff("hold-ownership-conversation.form", form, form.substring(0, start) + form.substring(end));

        assertThat(change(diff, "ownershipOutcome").change()).isEqualTo(ModelChange.Change.REMOVED);
        assertThat(diff.changes()).hasSize(1);
    }

    @Test
    void unreadableXmlOrJsonIsRefusedInDutch() {
        assertThatThrownBy(() -> diffs.diff(
                        file("city-deal.bpmn", "<definitions"), model(CITY_DEAL).getBytes()))
                .isInstanceOfSatisfying(
                        InvalidUploadException.class,
                        e -> assertThat(e.errors())
                                .hasEntrySatisfying(
                                        "city-deal.bpmn",
                                        message -> assertThat(message).startsWith("Geen geldig BPMN-bestand")));
        assertThatThrownBy(() -> diffs.diff(file("close-deal.form", "{"), null))
                .isInstanceOfSatisfying(
                        InvalidUploadException.class,
                        e -> assertThat(e.errors())
                                .hasEntrySatisfying(
                                        "close-deal.form",
                                        message -> assertThat(message).startsWith("Geen geldig formulier")));
    }

    @Test
    void auditSummaryIsBoundedAndNamesEachChange() {
        FileDiff diff = diff("prompt-schedule.dmn", model(SCHEDULE), promptScheduleWithOwnershipAt("0.20"));

        String summary = ModelAdministration.describe(List.of(diff));
        assertThat(summary)
                .contains("prompt-schedule.dmn", "Rule_OwnershipConversation", "Deel van de looptijd: '0.25' → '0.20'");

        FileDiff big = diffs.diff(file("city-deal.bpmn", model(CITY_DEAL)), null);
        assertThat(ModelAdministration.describe(List.of(big)))
                .hasSizeLessThanOrEqualTo(ModelAdministration.MAX_AUDITED_CHANGES);
    }

    private FileDiff diff(String fileName, String deployed, String uploaded) {
        return diffs.diff(file(fileName, uploaded), deployed.getBytes(StandardCharsets.UTF_8));
    }

    private static ModelFile file(String name, String content) {
        return new ModelFile(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private static ModelChange change(FileDiff diff, String elementId) {
        return diff.changes().stream()
                .filter(change -> change.elementId().equals(elementId))
                .findFirst()
                .orElseThrow(() -> new AssertionError(elementId + " not in " + diff.changes()));
    }
}
