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
                "LABEL_STUDIO_URL", "http://127.0.0.1:8080", "LABEL_STUDIO_API_KEY", "tok-abcdef-123456", "BASIC_AUTH_USER", "admin",
                "BASIC_AUTH_PASS", "pw-987654"));

        String printed = config.describe().toString() + config;

        assertThat(printed).doesNotContain("tok-abcdef-123456", "pw-987654").contains("****", "admin");
    }

    @Test
    void aKeyWithoutTheUrlItBelongsToIsRefusedAtStartSayingWhatToSet() {
        assertThatThrownBy(() -> BackendConfig.fromEnvironment(Map.of("LABEL_STUDIO_API_KEY", "tok-abcdef-123456")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("LABEL_STUDIO_URL").hasMessageContaining("FLYWHEEL_LABEL_STUDIO_HOSTS")
                .hasMessageNotContaining("tok-abcdef-123456");
        assertThat(BackendConfig.fromEnvironment(Map.of("LABEL_STUDIO_API_KEY", "tok-abcdef-123456",
                "FLYWHEEL_LABEL_STUDIO_HOSTS", "Label-Studio:8080")).labelStudioHosts()).containsExactly("label-studio:8080");
    }

    @Test
    void listeningBeyondLoopbackWithoutCredentialsIsRefusedUnlessTheOperatorOptsOut() {
        assertThatThrownBy(() -> BackendConfig.fromEnvironment(Map.of("HOST", "0.0.0.0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("BASIC_AUTH_USER").hasMessageContaining("FLYWHEEL_ALLOW_UNAUTHENTICATED=true");
        assertThat(BackendConfig.fromEnvironment(Map.of("HOST", "0.0.0.0", "FLYWHEEL_ALLOW_UNAUTHENTICATED", "true")).allowUnauthenticated()).isTrue();
        assertThat(BackendConfig.fromEnvironment(Map.of("HOST", "0.0.0.0", "BASIC_AUTH_USER", "u", "BASIC_AUTH_PASS", "p")).loopbackOnly()).isFalse();
        assertThat(BackendConfig.fromEnvironment(Map.of()).loopbackOnly()).as("the default HOST").isTrue();
        assertThatThrownBy(() -> BackendConfig.fromEnvironment(Map.of("HOST", "0.0.0.0", "FLYWHEEL_ALLOW_UNAUTHENTICATED", "yes please")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("true or false");
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
        assertThatThrownBy(() -> TrainingConfig.fromEnvironment(Map.of("FLYWHEEL_TRAINING_AUGMENT", "shift,rotate")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("FLYWHEEL_TRAINING_AUGMENT")
                .hasMessageContaining("'rotate'");
    }

    @Test
    void augmentationIsOffUnlessAskedFor() {
        assertThat(TrainingConfig.fromEnvironment(Map.of()).augmentation()).isEqualTo(dev.flywheel.backend.training.Augmentation.NONE);
        assertThat(TrainingConfig.fromEnvironment(Map.of("FLYWHEEL_TRAINING_AUGMENT", "shift,flip")).augmentation())
                .isEqualTo(new dev.flywheel.backend.training.Augmentation(true, true));
    }

    @Test
    void aBackboneDefaultsToTorchvisionsInputSizeAndImageNetNormalisation() throws Exception {
        java.nio.file.Path model = java.nio.file.Path.of(BackendConfigTest.class.getResource("/backbone/tiny_backbone.pt").toURI());

        BackboneConfig backbone = BackendConfig.fromEnvironment(Map.of("FLYWHEEL_BACKBONE", model.toString())).backbone().orElseThrow();

        assertThat(backbone.model()).isEqualTo(model);
        assertThat(backbone.inputSize()).isEqualTo(224);
        assertThat(backbone.mean()).containsExactly(0.485f, 0.456f, 0.406f);
        assertThat(backbone.std()).containsExactly(0.229f, 0.224f, 0.225f);
        assertThat(BackendConfig.fromEnvironment(Map.of()).backbone()).isEmpty();
        BackboneConfig custom = BackendConfig.fromEnvironment(Map.of("FLYWHEEL_BACKBONE", model.toString(), "FLYWHEEL_BACKBONE_INPUT_SIZE", "96",
                "FLYWHEEL_BACKBONE_MEAN", "0.5, 0.5,0.5", "FLYWHEEL_BACKBONE_STD", "0.5,0.5,0.5")).backbone().orElseThrow();
        assertThat(custom.inputSize()).isEqualTo(96);
        assertThat(custom.mean()).containsExactly(0.5f, 0.5f, 0.5f);
    }

    @Test
    void aBackboneThatIsMissingOrBadlyDescribedNamesTheVariableToFix() throws Exception {
        String model = java.nio.file.Path.of(BackendConfigTest.class.getResource("/backbone/tiny_backbone.pt").toURI()).toString();

        assertThatThrownBy(() -> BackendConfig.fromEnvironment(Map.of("FLYWHEEL_BACKBONE", "/no/such/resnet18.pt")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("FLYWHEEL_BACKBONE is not a readable file: /no/such/resnet18.pt");
        assertThatThrownBy(() -> BackendConfig.fromEnvironment(Map.of("FLYWHEEL_BACKBONE", model, "FLYWHEEL_BACKBONE_MEAN", "0.5,0.5")))
                .hasMessageStartingWith("FLYWHEEL_BACKBONE_MEAN must be three numbers");
        assertThatThrownBy(() -> BackendConfig.fromEnvironment(Map.of("FLYWHEEL_BACKBONE", model, "FLYWHEEL_BACKBONE_STD", "0.2,0,0.2")))
                .hasMessageStartingWith("FLYWHEEL_BACKBONE_STD must be three positive numbers");
        assertThatThrownBy(() -> BackendConfig.fromEnvironment(Map.of("FLYWHEEL_BACKBONE", model, "FLYWHEEL_BACKBONE_STD", "a,b,c")))
                .hasMessageStartingWith("FLYWHEEL_BACKBONE_STD must be comma-separated numbers");
        assertThatThrownBy(() -> BackendConfig.fromEnvironment(Map.of("FLYWHEEL_BACKBONE", model, "FLYWHEEL_BACKBONE_INPUT_SIZE", "4")))
                .hasMessageStartingWith("FLYWHEEL_BACKBONE_INPUT_SIZE");
    }

    @Test
    void aPostgresqlUrlSelectsTheSharedStoreAndItsPasswordNeverPrints() {
        BackendConfig config = BackendConfig.fromEnvironment(Map.of("FLYWHEEL_DATABASE_URL", "jdbc:postgresql://db:5432/flywheel",
                "FLYWHEEL_DATABASE_USER", "flywheel", "FLYWHEEL_DATABASE_PASSWORD", "s3cret-db-pass", "FLYWHEEL_DATABASE_POOL_SIZE", "12"));

        DatabaseConfig database = config.database().orElseThrow();
        assertThat(database.url()).isEqualTo("jdbc:postgresql://db:5432/flywheel");
        assertThat(database.poolSize()).isEqualTo(12);
        assertThat(database.password().orElseThrow().reveal()).isEqualTo("s3cret-db-pass");
        assertThat(config.describe().toString()).contains("jdbc:postgresql://db:5432/flywheel").doesNotContain("s3cret-db-pass");
        assertThat(database.toString()).doesNotContain("s3cret-db-pass");
        assertThat(BackendConfig.fromEnvironment(Map.of()).database()).as("SQLite by default").isEmpty();
        assertThat(BackendConfig.fromEnvironment(Map.of("FLYWHEEL_DATABASE_URL", "jdbc:postgresql://db/f")).database().orElseThrow()
                .poolSize()).isEqualTo(DatabaseConfig.DEFAULT_POOL_SIZE);
    }

    @Test
    void aDatabaseUrlThatIsNotPostgresqlOrCarriesThePasswordIsRefused() {
        assertThatThrownBy(() -> BackendConfig.fromEnvironment(Map.of("FLYWHEEL_DATABASE_URL", "jdbc:mysql://db/flywheel")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("FLYWHEEL_DATABASE_URL must start with jdbc:postgresql://");
        assertThatThrownBy(() -> BackendConfig.fromEnvironment(Map.of("FLYWHEEL_DATABASE_URL", "jdbc:postgresql://db/f?password=x")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("FLYWHEEL_DATABASE_PASSWORD");
        assertThatThrownBy(() -> BackendConfig.fromEnvironment(Map.of("FLYWHEEL_DATABASE_URL", "jdbc:postgresql://db/f",
                "FLYWHEEL_DATABASE_POOL_SIZE", "0"))).isInstanceOf(ConfigException.class).hasMessageContaining("POOL_SIZE");
    }
}
