package dev.flywheel.backend.config;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
 * @param labelStudioHosts without {@code LABEL_STUDIO_URL}: the {@code host} or {@code host:port} names a {@code /setup}
 *     may name for the operator's token to go there ({@code FLYWHEEL_LABEL_STUDIO_HOSTS}), lower case
 * @param allowUnauthenticated the operator's explicit choice to listen on a non-loopback address without credentials
 *     ({@code FLYWHEEL_ALLOW_UNAUTHENTICATED})
 * @param allowedHosts names besides the loopback ones that requests may carry in {@code Host} while Flywheel listens on
 *     loopback, e.g. behind a reverse proxy on the same machine ({@code FLYWHEEL_ALLOWED_HOSTS}), lower case
 * @param database the PostgreSQL server replicas share ({@code FLYWHEEL_DATABASE_URL}); empty for the SQLite file in
 *     {@code home}
 * @param prelabelRetry a pre-label job's first wait for an unreachable Label Studio ({@code FLYWHEEL_PRELABEL_RETRY_MS})
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
        int auditFolds,
        List<String> labelStudioHosts,
        boolean allowUnauthenticated,
        List<String> allowedHosts,
        Optional<DatabaseConfig> database,
        Duration prelabelRetry) {

    public static final int DEFAULT_PORT = 9090;
    public static final int DEFAULT_AUDIT_FOLDS = 5;
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String DEFAULT_HOME = "flywheel-data";
    /** A pre-label job's first wait for an unreachable Label Studio; each later wait doubles, up to 60 times this. */
    public static final Duration DEFAULT_PRELABEL_RETRY = Duration.ofSeconds(1);

    public BackendConfig {
        Objects.requireNonNull(host, "host");
        if (prelabelRetry == null || prelabelRetry.isNegative() || prelabelRetry.isZero()) {
            throw new ConfigException("FLYWHEEL_PRELABEL_RETRY_MS", "must be a positive number of milliseconds");
        }
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(labelStudioUrl, "labelStudioUrl");
        Objects.requireNonNull(labelStudioToken, "labelStudioToken");
        Objects.requireNonNull(localFilesRoot, "localFilesRoot");
        Objects.requireNonNull(basicAuth, "basicAuth");
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(backbone, "backbone");
        Objects.requireNonNull(database, "database");
        if (port < 0 || port > 65_535) {
            throw new ConfigException("PORT", "must be between 0 and 65535, was " + port);
        }
        if (inferenceThreads < 1) {
            throw new ConfigException("FLYWHEEL_THREADS", "must be at least 1, was " + inferenceThreads);
        }
        if (auditFolds != 0 && (auditFolds < 2 || auditFolds > 20)) {
            throw new ConfigException("FLYWHEEL_AUDIT_FOLDS", "must be 0 (off) or between 2 and 20, was " + auditFolds);
        }
        labelStudioHosts = names("FLYWHEEL_LABEL_STUDIO_HOSTS", Objects.requireNonNull(labelStudioHosts, "labelStudioHosts"));
        allowedHosts = names("FLYWHEEL_ALLOWED_HOSTS", Objects.requireNonNull(allowedHosts, "allowedHosts"));
        requireATokenDestination(labelStudioUrl, labelStudioToken, labelStudioHosts);
        if (basicAuth.isEmpty() && !allowUnauthenticated && !isLoopback(host)) {
            throw new ConfigException("BASIC_AUTH_USER", "and BASIC_AUTH_PASS must be set when HOST is " + host
                    + ", which is not a loopback address: anyone who can reach it could train, activate versions and post"
                    + " annotations. Set both (and enter them in Label Studio's Connect model form, authentication Basic auth),"
                    + " or set FLYWHEEL_ALLOW_UNAUTHENTICATED=true if this network is yours alone");
        }
    }

    /**
     * The operator's token goes to the operator's Label Studio only: without {@code LABEL_STUDIO_URL} it would go wherever
     * an unauthenticated {@code /setup} says Label Studio is, unless the operator listed the hosts it may go to.
     */
    private static void requireATokenDestination(Optional<URI> url, Optional<Secret> token, List<String> hosts) {
        if (url.isPresent() && !hosts.isEmpty()) {
            throw new ConfigException("FLYWHEEL_LABEL_STUDIO_HOSTS", "is for a backend without LABEL_STUDIO_URL; with LABEL_STUDIO_URL set"
                    + " the token goes to that URL only, so unset one of the two");
        }
        if (token.isPresent() && url.isEmpty() && hosts.isEmpty()) {
            throw new ConfigException("LABEL_STUDIO_URL", "must be set when LABEL_STUDIO_API_KEY is, so that the key goes to your Label Studio"
                    + " and nowhere else: set it to Label Studio's address as this backend reaches it (e.g. http://label-studio:8080),"
                    + " or list in FLYWHEEL_LABEL_STUDIO_HOSTS the host[:port] names a /setup may name for the key to be sent there");
        }
    }

    private static List<String> names(String variable, List<String> names) {
        for (String name : names) {
            if (name.isBlank() || name.contains("/") || name.contains("@") || name.contains(" ")) {
                throw new ConfigException(variable, "must be comma-separated host or host:port names (no scheme, no path), was '" + name + "'");
            }
        }
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * Whether {@code host} is a loopback address or a name all of whose addresses are: only then is a server bound to it
     * out of reach of the network.
     */
    static boolean isLoopback(String host) {
        try {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            return addresses.length > 0 && Arrays.stream(addresses).allMatch(InetAddress::isLoopbackAddress);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Whether the server listens on loopback only. */
    public boolean loopbackOnly() {
        return isLoopback(host);
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
                read.integer("FLYWHEEL_AUDIT_FOLDS").orElse(DEFAULT_AUDIT_FOLDS),
                read.words("FLYWHEEL_LABEL_STUDIO_HOSTS"),
                read.bool("FLYWHEEL_ALLOW_UNAUTHENTICATED").orElse(false),
                read.words("FLYWHEEL_ALLOWED_HOSTS"),
                DatabaseConfig.fromEnvironment(read),
                read.integer("FLYWHEEL_PRELABEL_RETRY_MS").map(Duration::ofMillis).orElse(DEFAULT_PRELABEL_RETRY));
    }

    /** The settings as printed at start: every value, secrets masked. */
    public Map<String, String> describe() {
        Map<String, String> shown = new LinkedHashMap<>();
        shown.put("HOST", host);
        shown.put("PORT", Integer.toString(port));
        shown.put("FLYWHEEL_HOME", home.toString());
        shown.put("LABEL_STUDIO_URL", labelStudioUrl.map(BackendConfig::withoutUserInfo).orElse("(from /setup)"));
        shown.put("LABEL_STUDIO_API_KEY", labelStudioToken.map(Secret::toString).orElse("(from /setup, for its hostname only)"));
        if (!labelStudioHosts.isEmpty()) {
            shown.put("FLYWHEEL_LABEL_STUDIO_HOSTS", String.join(",", labelStudioHosts));
        }
        shown.put("LOCAL_FILES_DOCUMENT_ROOT", localFilesRoot.map(Path::toString).orElse("(unset)"));
        shown.put("BASIC_AUTH", basicAuth.map(a -> a.user() + ":" + a.password())
                .orElse(allowUnauthenticated ? "(off: FLYWHEEL_ALLOW_UNAUTHENTICATED=true)" : "(off)"));
        if (!allowedHosts.isEmpty()) {
            shown.put("FLYWHEEL_ALLOWED_HOSTS", String.join(",", allowedHosts));
        }
        shown.put("FLYWHEEL_THREADS", Integer.toString(inferenceThreads));
        shown.put("FLYWHEEL_DETECTOR", detector.map(DetectorConfig::describe).orElse("(unset)"));
        shown.put("FLYWHEEL_BACKBONE", backbone.map(BackboneConfig::describe).orElse("(unset: the built-in CNN)"));
        shown.put("FLYWHEEL_DATABASE_URL", database.map(DatabaseConfig::describe).orElse("(unset: SQLite in FLYWHEEL_HOME)"));
        shown.put("FLYWHEEL_AUDIT_FOLDS", auditFolds == 0 ? "0 (off)" : Integer.toString(auditFolds));
        return shown;
    }

    /** A URL as printed: credentials someone put in it ({@code http://user:pass@host}) left out. */
    private static String withoutUserInfo(URI url) {
        return url.getRawUserInfo() == null ? url.toString() : url.toString().replace(url.getRawUserInfo() + "@", "");
    }
}
