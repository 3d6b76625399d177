package dev.flywheel.backend.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingConfigTest {

    @Test
    void thePauseAfterWhichWhateverChangedTrainsIsTenSecondsUnlessSetAndZeroTurnsItOff() {
        assertThat(TrainingConfig.policyFromEnvironment(Map.of()).catchUpAfter()).hasValue(Duration.ofSeconds(10));
        assertThat(TrainingConfig.policyFromEnvironment(Map.of("FLYWHEEL_TRAINING_CATCH_UP_SECONDS", "30")).catchUpAfter())
                .hasValue(Duration.ofSeconds(30));
        assertThat(TrainingConfig.policyFromEnvironment(Map.of("FLYWHEEL_TRAINING_CATCH_UP_SECONDS", "0")).catchUpAfter()).isEmpty();
        assertThatThrownBy(() -> TrainingConfig.policyFromEnvironment(Map.of("FLYWHEEL_TRAINING_CATCH_UP_SECONDS", "-1")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("FLYWHEEL_TRAINING_CATCH_UP_SECONDS");
    }
}
