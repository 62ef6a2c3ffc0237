package nl.citydeal.engine.prompt;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import nl.citydeal.engine.CityDealSpringTest;
import nl.citydeal.engine.deal.DealRegistry;
import nl.citydeal.engine.deal.Term;

import static org.assertj.core.api.Assertions.assertThat;

@CityDealSpringTest
class PromptsTest {

    @Autowired
    Prompts prompts;

    @Autowired
    DealRegistry dealRegistry;

    @Test
    void answerabilityReviewsFallAtNineDutchTimeInSummerAndWinterWithinTheTerm() {
        Term term = new Term(LocalDate.of(2024, 3, 1), LocalDate.of(2027, 3, 1));
        String dealId = "prompt-log-test-" + System.nanoTime();
        dealRegistry.ensureRegistered(dealId, "City Deal Test", "test", "Gemeente", "anna", null, null, null);

        prompts.plan(
                dealId, term, PromptSchedule.plan(term, nl.citydeal.engine.prompt.PromptScheduleTest.DEFAULT_RULES));

        List<Prompt> reviews = prompts.forDeal(dealId).stream()
                .filter(p -> p.getKind() == PromptKind.ANSWERABILITY_REVIEW)
                .toList();
        assertThat(reviews)
                .extracting(p -> p.getDueAt().atZone(PromptSchedule.ZONE).toLocalDate())
                .containsExactly(
                        LocalDate.of(2024, 9, 1),
                        LocalDate.of(2025, 3, 1),
                        LocalDate.of(2025, 9, 1),
                        LocalDate.of(2026, 3, 1),
                        LocalDate.of(2026, 9, 1));
        assertThat(reviews)
                .allSatisfy(
                        p -> assertThat(p.getDueAt().atZone(PromptSchedule.ZONE).toLocalTime())
                                .isEqualTo(LocalTime.of(9, 0)));
    }
}
