package nl.citydeal.engine.deal;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TermTest {

    private static final LocalDate SIGNED = LocalDate.of(2024, 3, 1);

    @Test
    void threeYearTermCountsItsDays() {
        assertThat(new Term(SIGNED, LocalDate.of(2027, 3, 1)).days()).isEqualTo(1095);
    }

    @Test
    void endBeforeSigningIsRefusedInDutch() {
        assertThatThrownBy(() -> new Term(SIGNED, SIGNED.minusDays(1)))
                .isInstanceOf(InvalidDealException.class)
                .hasMessageContaining("moet na de datum van ondertekening");
    }

    @Test
    void termShorterThanSixMonthsIsRefused() {
        assertThatThrownBy(() -> new Term(SIGNED, SIGNED.plusMonths(6).minusDays(1)))
                .hasMessageContaining("minstens 6 maanden");
        assertThat(new Term(SIGNED, SIGNED.plusMonths(6)).days()).isPositive();
    }

    @Test
    void termLongerThanSixYearsIsRefused() {
        assertThatThrownBy(() -> new Term(SIGNED, SIGNED.plusYears(6).plusDays(1)))
                .hasMessageContaining("hoogstens 6 jaar");
        assertThat(new Term(SIGNED, SIGNED.plusYears(6)).endsOn()).isEqualTo("2030-03-01");
    }

    @Test
    void missingDatesNameTheirField() {
        assertThatThrownBy(() -> new Term(null, SIGNED))
                .isInstanceOfSatisfying(
                        InvalidDealException.class, e -> assertThat(e.field()).isEqualTo("signedOn"));
    }
}
