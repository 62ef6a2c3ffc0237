package nl.citydeal.engine.portfolio;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.citydeal.engine.deal.DealDecision;
import nl.citydeal.engine.dossier.DossierEntry;
import nl.citydeal.engine.prompt.Prompt;
import nl.citydeal.engine.prompt.PromptKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class DealHistoryTest {

    static final Instant T0 = Instant.parse("2026-01-01T09:00:00Z");

    @Test
    void mergesDecisionsStepsAndPromptsNewestFirstWithWhoDidIt() {
        DealDecision registered = new DealDecision("d", T0, "petra", DealDecision.Kind.REGISTERED, "geregistreerd");
        DealDecision leadChanged =
                new DealDecision("d", T0.plusSeconds(400), "petra", DealDecision.Kind.LEAD_CHANGED, "anna → bram");
        DossierEntry step = mock(DossierEntry.class);
        when(step.getCompletedAt()).thenReturn(T0.plusSeconds(300));
        when(step.getCompletedBy()).thenReturn("anna");
        Prompt prompt = mock(Prompt.class);
        when(prompt.getKind()).thenReturn(PromptKind.OWNERSHIP_CONVERSATION);
        when(prompt.getFiredAt()).thenReturn(T0.plusSeconds(100));
        when(prompt.getDoneAt()).thenReturn(T0.plusSeconds(200));
        when(prompt.getDoneBy()).thenReturn("bram");
        Prompt planned = mock(Prompt.class);

        List<DealHistory.Line> lines =
                DealHistory.of(List.of(registered, leadChanged), List.of(step), List.of(prompt, planned));

        assertThat(lines)
                .extracting(DealHistory.Line::source)
                .containsExactly(
                        DealHistory.Source.DECISION,
                        DealHistory.Source.STEP,
                        DealHistory.Source.PROMPT_DONE,
                        DealHistory.Source.PROMPT_FIRED,
                        DealHistory.Source.DECISION);
        assertThat(lines.get(0).decision()).isSameAs(leadChanged);
        assertThat(lines).extracting(DealHistory.Line::who).containsExactly("petra", "anna", "bram", null, "petra");
    }

    @Test
    void linesAtTheSameMomentShowTheLaterRecordedFirst() {
        DealDecision first = new DealDecision("d", T0, "petra", DealDecision.Kind.REGISTERED, "een");
        DealDecision second = new DealDecision("d", T0, "petra", DealDecision.Kind.SIGNED, "twee");

        assertThat(DealHistory.of(List.of(first, second), List.of(), List.of()))
                .extracting(DealHistory.Line::decision)
                .containsExactly(second, first);
    }
}
