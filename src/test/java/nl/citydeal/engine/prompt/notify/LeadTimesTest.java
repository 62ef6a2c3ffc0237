package nl.citydeal.engine.prompt.notify;

import java.time.Period;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The reminder lead times a user chooses from, and how they read in Dutch. */
class LeadTimesTest {

    @Test
    void theChoicesAreThreeDaysOneTwoAndFourWeeksShortestFirst() {
        assertThat(LeadTimes.with(Period.ofDays(14)))
                .containsExactly(Period.ofDays(3), Period.ofDays(7), Period.ofDays(14), Period.ofDays(28));
    }

    @Test
    void aConfiguredDefaultOutsideTheChoicesIsOfferedInItsPlace() {
        assertThat(LeadTimes.with(Period.ofDays(10)))
                .containsExactly(
                        Period.ofDays(3), Period.ofDays(7), Period.ofDays(10), Period.ofDays(14), Period.ofDays(28));
        assertThat(LeadTimes.with(Period.ofMonths(2))).last().isEqualTo(Period.ofMonths(2));
    }

    @Test
    void periodsReadInDutch() {
        assertThat(LeadTimes.label(Period.ofDays(3))).isEqualTo("3 dagen");
        assertThat(LeadTimes.label(Period.ofDays(1))).isEqualTo("1 dag");
        assertThat(LeadTimes.label(Period.ofWeeks(1))).isEqualTo("1 week");
        assertThat(LeadTimes.label(Period.ofDays(14))).isEqualTo("2 weken");
        assertThat(LeadTimes.label(Period.ofMonths(1))).isEqualTo("1 maand");
        assertThat(LeadTimes.label(Period.of(0, 1, 2))).isEqualTo("1 maand en 2 dagen");
    }

    @Test
    void onlyIsoPeriodsParse() {
        assertThat(LeadTimes.parse("P14D")).contains(Period.ofDays(14));
        assertThat(LeadTimes.parse("P2W")).contains(Period.ofDays(14));
        assertThat(LeadTimes.parse("14")).isEmpty();
        assertThat(LeadTimes.parse("twee weken")).isEmpty();
        assertThat(LeadTimes.parse(null)).isEmpty();
        assertThat(LeadTimes.parse("P" + "9".repeat(40) + "D")).isEmpty();
    }
}
