package dev.flywheel.backend.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the backend reads from its environment, read in this one place.
 *
 * @param host address the server binds to
 * @param port TCP port, 0 for any free port
 * @param home folder for the database, model versions and the image cache
 * @param labelStudioUrl Label Studio's base URL, when set by the operator
 * @param labelStudioToken legacy token or personal access token for Label Studio
 * @param localFilesRoot Label Studio's {@code LOCAL_FILES_DOCUMENT_ROOT}, for reading local-storage files directly
 * @param basicAuth credentials every route requires, when set
 * @param inferenceThreads threads DJL may use per operation; 1 survives a busy machine best
 * @param detector a user-supplied object detector for Image + RectangleLabels projects ({@code FLYWHEEL_DETECTOR})
 * @param backbone a user-supplied frozen feature extractor under which classification projects train a head
 *     ({@code FLYWHEEL_BACKBONE})
 * @param auditFolds K of the cross-validation audit after each run ({@code FLYWHEEL_AUDIT_FOLDS}); 0 turns the audit
 *     off (label issues then come from hold-out predictions and served pre-labels only), for machines too small for it
 */
public record BackendConfig(
        String host,
        int port,
        Path home,
        Optional<URI> labelStudioUrl,
        Optional<Secret> labelStudioToken,
        Optional<Path> localFilesRoot,
        Optional<BasicAuth> basicAuth,
        int inferenceThreads,
        Optional<DetectorConfig> detector,
        Optional<BackboneConfig> backbone,
        int auditFolds) {

    public static final int DEFAULT_PORT = 9090;
    public static final int DEFAULT_AUDIT_FOLDS = 5;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String DEFAULT_HOME = "flywheel-data";

    public BackendConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(labelStudioUrl, "labelStudioUrl");
        Objects.requireNonNull(labelStudioToken, "labelStudioToken");
        Objects.requireNonNull(localFilesRoot, "localFilesRoot");
        Objects.requireNonNull(basicAuth, "basicAuth");
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(backbone, "backbone");
        if (port < 0 || port > 65_535) {
            throw new ConfigException("PORT", "must be between 0 and 65535, was " + port);
        }
        if (inferenceThreads < 1) {
            throw new ConfigException("FLYWHEEL_THREADS", "must be at least 1, was " + inferenceThreads);
        }
        if (auditFolds != 0 && (auditFolds < 2 || auditFolds > 20)) {
            throw new ConfigException("FLYWHEEL_AUDIT_FOLDS", "must be 0 (off) or between 2 and 20, was " + auditFolds);
        }
    }

    /** Without a user-supplied backbone. */
    public BackendConfig(String host, int port, Path home, Optional<URI> labelStudioUrl, Optional<Secret> labelStudioToken,
            Optional<Path> localFilesRoot, Optional<BasicAuth> basicAuth, int inferenceThreads, Optional<DetectorConfig> detector) {
        this(host, port, home, labelStudioUrl, labelStudioToken, localFilesRoot, basicAuth, inferenceThreads, detector, Optional.empty(),
                DEFAULT_AUDIT_FOLDS);
    }

    /** Without a user-supplied detector or backbone. */
    public BackendConfig(String host, int port, Path home, Optional<URI> labelStudioUrl, Optional<Secret> labelStudioToken,
            Optional<Path> localFilesRoot, Optional<BasicAuth> basicAuth, int inferenceThreads) {
        this(host, port, home, labelStudioUrl, labelStudioToken, localFilesRoot, basicAuth, inferenceThreads, Optional.empty());
    }

    /** Reads the configuration from environment variables; see the README for each one. */
    public static BackendConfig fromEnvironment(Map<String, String> env) {
        EnvReader read = new EnvReader(env);
        Optional<String> user = read.text("BASIC_AUTH_USER", "ML_SERVER_BASIC_AUTH_USER");
        Optional<String> pass = read.text("BASIC_AUTH_PASS", "ML_SERVER_BASIC_AUTH_PASS");
        if (user.isPresent() != pass.isPresent()) {
            throw new ConfigException("BASIC_AUTH_USER", "BASIC_AUTH_USER and BASIC_AUTH_PASS must be set together");
        }
        return new BackendConfig(
                read.text("HOST").orElse(DEFAULT_HOST),
                read.integer("PORT").orElse(DEFAULT_PORT),
                Path.of(read.text("FLYWHEEL_HOME").orElse(DEFAULT_HOME)).toAbsolutePath(),
                read.url("LABEL_STUDIO_URL", "LABEL_STUDIO_HOST"),
                read.text("LABEL_STUDIO_API_KEY", "LABEL_STUDIO_ACCESS_TOKEN").map(Secret::new),
                read.text("LOCAL_FILES_DOCUMENT_ROOT").map(Path::of),
                user.map(u -> new BasicAuth(u, new Secret(pass.orElseThrow()))),
                read.integer("FLYWHEEL_THREADS").orElse(1),
                DetectorConfig.fromEnvironment(read),
                BackboneConfig.fromEnvironment(read),
                read.integer("FLYWHEEL_AUDIT_FOLDS").orElse(DEFAULT_AUDIT_FOLDS));
    }

    /** The settings as printed at start: every value, secrets masked. */
    public Map<String, String> describe() {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("HOST", host);
        shown.put("PORT", Integer.toString(port));
        shown.put("FLYWHEEL_HOME", home.toString());
        shown.put("LABEL_STUDIO_URL", labelStudioUrl.map(URI::toString).orElse("(from /setup)"));
        shown.put("LABEL_STUDIO_API_KEY", labelStudioToken.map(Secret::toString).orElse("(from /setup)"));
        shown.put("LOCAL_FILES_DOCUMENT_ROOT", localFilesRoot.map(Path::toString).orElse("(unset)"));
        shown.put("BASIC_AUTH", basicAuth.map(a -> a.user() + ":" + a.password()).orElse("(off)"));
        shown.put("FLYWHEEL_THREADS", Integer.toString(inferenceThreads));
        shown.put("FLYWHEEL_DETECTOR", detector.map(DetectorConfig::describe).orElse("(unset)"));
        shown.put("FLYWHEEL_BACKBONE", backbone.map(BackboneConfig::describe).orElse("(unset: the built-in CNN)"));
        shown.put("FLYWHEEL_AUDIT_FOLDS", auditFolds == 0 ? "0 (off)" : Integer.toString(auditFolds));
        return shown;
    }
}
