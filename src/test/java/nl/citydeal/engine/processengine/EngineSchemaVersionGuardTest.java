package nl.citydeal.engine.processengine;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.citydeal.engine.system.NewerDatabaseException;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which engine schema versions the engine refuses: only one above its own, compared as numbers. */
class EngineSchemaVersionGuardTest {

    @Test
    void aSchemaUpgradedByANewerCamundaIsRefusedNamingBothVersions() {
        assertThatThrownBy(() -> EngineSchemaVersionGuard.check(List.of("7.22.0", "7.25.0", "7.24.0"), "7.24.0"))
                .isInstanceOf(NewerDatabaseException.class)
                .hasMessage("The database is of a newer version (process engine schema 7.25.0) than this build "
                        + "(7.24.0): restore a backup of this version or deploy the newer build");
        assertThatThrownBy(() -> EngineSchemaVersionGuard.check(List.of("7.24.0", "7.100.0-alpha1"), "7.24.0"))
                .isInstanceOf(NewerDatabaseException.class)
                .hasMessageContaining("7.100.0-alpha1");
    }

    @Test
    void aSchemaOfThisOrAnOlderCamundaPasses() {
        assertThatNoException()
                .isThrownBy(() -> EngineSchemaVersionGuard.check(List.of("7.20.0", "7.23.0", "7.24.0"), "7.24.0"));
        assertThatNoException().isThrownBy(() -> EngineSchemaVersionGuard.check(List.of("7.9.0"), "7.24.0"));
        assertThatNoException().isThrownBy(() -> EngineSchemaVersionGuard.check(List.of("fox"), "7.24.0"));
        assertThatNoException().isThrownBy(() -> EngineSchemaVersionGuard.check(List.of(), "7.24.0"));
    }
}
