package nl.citydeal.engine.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.junit.jupiter.api.Test;
import org.mockito.Answers;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class VerifiedCredentialsTest {

    private final MutableClock clock = new MutableClock();
    private final VerifiedCredentials verified =
            new VerifiedCredentials(new PasswordProperties(null, Duration.ofMinutes(1)), clock);

    @Test
    void anAcceptedPasswordCountsAsCheckedForAMinuteAndNoLonger() {
        verified.accepted("anna", "Goed-Wachtwoord-1");

        assertThat(verified.recentlyAccepted("anna", "Goed-Wachtwoord-1")).isTrue();
        clock.advance(Duration.ofSeconds(59));
        assertThat(verified.recentlyAccepted("anna", "Goed-Wachtwoord-1")).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(verified.recentlyAccepted("anna", "Goed-Wachtwoord-1")).isFalse();
    }

    @Test
    void anotherPasswordOrAnotherUserIsNeverTakenAsChecked() {
        verified.accepted("anna", "Goed-Wachtwoord-1");

        assertThat(verified.recentlyAccepted("anna", "Fout-Wachtwoord-1")).isFalse();
        assertThat(verified.recentlyAccepted("bram", "Goed-Wachtwoord-1")).isFalse();
    }

    @Test
    void aZeroPeriodKeepsNothing() {
        VerifiedCredentials none = new VerifiedCredentials(new PasswordProperties(null, Duration.ZERO), clock);
        none.accepted("anna", "Goed-Wachtwoord-1");

        assertThat(none.recentlyAccepted("anna", "Goed-Wachtwoord-1")).isFalse();
    }

    @Test
    void repeatedApiCallsComputeTheSlowHashOnceWhileWrongPasswordsAlwaysReachTheIdentityService() {
        IdentityService identityService = mock(IdentityService.class);
        when(identityService.checkPassword("anna", "Goed-Wachtwoord-1")).thenReturn(true);
        when(identityService.checkPassword("anna", "Fout-Wachtwoord-1")).thenReturn(false);
        GroupQuery groups = mock(GroupQuery.class, Answers.RETURNS_SELF);
        when(groups.list()).thenReturn(List.of());
        when(identityService.createGroupQuery()).thenReturn(groups);
        CamundaIdentityAuthenticationProvider provider =
                new CamundaIdentityAuthenticationProvider(identityService, verified);

        for (int call = 0; call < 3; call++) {
            assertThat(provider.authenticate(login("Goed-Wachtwoord-1")).isAuthenticated())
                    .isTrue();
        }
        for (int call = 0; call < 2; call++) {
            assertThatThrownBy(() -> provider.authenticate(login("Fout-Wachtwoord-1")))
                    .isInstanceOf(BadCredentialsException.class);
        }

        verify(identityService, times(1)).checkPassword("anna", "Goed-Wachtwoord-1");
        verify(identityService, times(2)).checkPassword("anna", "Fout-Wachtwoord-1");
    }

    private static UsernamePasswordAuthenticationToken login(String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated("anna", password);
    }

    private static final class MutableClock extends Clock {

        private Instant now = Instant.parse("2026-12-02T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("Europe/Amsterdam");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
