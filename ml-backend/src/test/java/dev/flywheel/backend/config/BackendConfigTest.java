package dev.flywheel.backend.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BackendConfigTest {

    @Test
    void defaultsAreTheEmbeddedOnes() {
        BackendConfig config = BackendConfig.fromEnvironment(Map.of());

        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.home().getFileName().toString()).isEqualTo("flywheel-data");
        assertThat(config.basicAuth()).isEmpty();
        assertThat(config.labelStudioUrl()).isEmpty();
    }

    @Test
    void olderVariableNamesAreFallbacks() {
        BackendConfig config = BackendConfig.fromEnvironment(Map.of(
                "LABEL_STUDIO_HOST", "http://ls.internal:8080", "LABEL_STUDIO_ACCESS_TOKEN", "legacy-token", "ML_SERVER_BASIC_AUTH_USER", "u",
                "ML_SERVER_BASIC_AUTH_PASS", "p"));

        assertThat(config.labelStudioUrl()).hasValueSatisfying(u -> assertThat(u.toString()).isEqualTo("http://ls.internal:8080"));
        assertThat(config.labelStudioToken()).hasValueSatisfying(t -> assertThat(t.reveal()).isEqualTo("legacy-token"));
        assertThat(config.basicAuth()).hasValueSatisfying(a -> assertThat(a.user()).isEqualTo("u"));
    }

    @Test
    void thePrintedSettingsMaskEverySecret() {
        BackendConfig config = BackendConfig.fromEnvironment(Map.of(
                "LABEL_STUDIO_API_KEY", "tok-abcdef-123456", "BASIC_AUTH_USER", "admin", "BASIC_AUTH_PASS", "pw-987654"));

        String printed = config.describe().toString() + config;

        assertThat(printed).doesNotContain("tok-abcdef-123456", "pw-987654").contains("****", "admin");
    }

    @Test
    void theAuditRunsFiveFoldsUnlessToldOtherwiseAndZeroTurnsItOff() {
        assertThat(BackendConfig.fromEnvironment(Map.of()).auditFolds()).isEqualTo(5);
        assertThat(BackendConfig.fromEnvironment(Map.of("FLYWHEEL_AUDIT_FOLDS", "0")).auditFolds()).isZero();
        assertThat(BackendConfig.fromEnvironment(Map.of("FLYWHEEL_AUDIT_FOLDS", "3")).auditFolds()).isEqualTo(3);
        assertThatThrownBy(() -> BackendConfig.fromEnvironment(Map.of("FLYWHEEL_AUDIT_FOLDS", "1")))
                .hasMessageStartingWith("FLYWHEEL_AUDIT_FOLDS");
    }

    @Test
    void badValuesNameTheVariableToFix() {
        assertThatThrownBy(() -> BackendConfig.fromEnvironment(Map.of("PORT", "ninety")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("PORT");
        assertThatThrownBy(() -> BackendConfig.fromEnvironment(Map.of("LABEL_STUDIO_URL", "ftp://x")))
                .hasMessageStartingWith("LABEL_STUDIO_URL");
        assertThatThrownBy(() -> BackendConfig.fromEnvironment(Map.of("BASIC_AUTH_USER", "only-user")))
                .hasMessageContaining("set together");
    }
}
