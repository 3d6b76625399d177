package dev.flywheel.backend.labelstudio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.image.ImageFetchException;
import dev.flywheel.backend.image.LabelStudioConnection;
import dev.flywheel.backend.image.LabelStudioConnectionResolver;
import dev.flywheel.backend.image.LabelStudioRequests;
import dev.flywheel.backend.project.ProjectConnection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks Label Studio who the token belongs to, so that a wrong URL, scheme or token is reported at start and on
 * {@code /setup} in words the operator can act on, instead of as the first image that fails to download.
 *
 * <p>{@code GET /api/current-user/whoami/} needs a valid token and exists in every Label Studio since 1.0. The answer
 * is kept for a short while per URL and token, because Label Studio calls {@code /setup} each time a project page opens.
 */
public final class ConnectionCheck {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionCheck.class);
    private static final String WHOAMI = "/api/current-user/whoami/";
    private static final long MAX_BYTES = 256 * 1024;
    private static final Duration REMEMBERED = Duration.ofSeconds(30);

    private record Outcome(Optional<String> problem, Instant checkedAt) {}

    private final LabelStudioRequests requests;
    private final LabelStudioConnectionResolver resolver;
    private final ObjectMapper mapper;
    private final Executor executor;
    private final Duration timeLimit;
    private final Clock clock;
    private final Map<String, Outcome> recent = new ConcurrentHashMap<>();

    /**
     * A check over the image package's client and token handling.
     *
     * @param timeLimit how long one check may take; Label Studio gives {@code /setup} three seconds in all
     */
    public ConnectionCheck(LabelStudioRequests requests, LabelStudioConnectionResolver resolver, ObjectMapper mapper,
            Executor executor, Duration timeLimit, Clock clock) {
        this.requests = Objects.requireNonNull(requests, "requests");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.timeLimit = Objects.requireNonNull(timeLimit, "timeLimit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What is wrong with the operator's own {@code LABEL_STUDIO_URL} and key, if they are set and anything is. */
    public Optional<String> problemWithConfigured() {
        return resolver.configured().flatMap(this::problem);
    }

    /** What is wrong with the connection a {@code /setup} leads to, if any: the one images and backfill will use. */
    public Optional<String> problemAfterSetup(ProjectConnection setup) {
        return resolver.resolve(Optional.of(setup)).flatMap(this::problem);
    }

    /** What is wrong with {@code labelStudio}, in a sentence naming the variable to fix; empty when it answers as Label Studio. */
    public Optional<String> problem(LabelStudioConnection labelStudio) {
        // Keyed by the token's hash, so the map never holds a secret of its own.
        String key = labelStudio.baseUrl() + "#" + sha256(labelStudio.token().map(t -> t.reveal()).orElse(""));
        Instant now = clock.instant();
        Outcome known = recent.get(key);
        if (known != null && known.checkedAt().plus(REMEMBERED).isAfter(now)) {
            return known.problem();
        }
        Optional<String> problem = ask(labelStudio);
        recent.put(key, new Outcome(problem, now));
        problem.ifPresentOrElse(LOG::warn, () -> LOG.info("Label Studio at {} answers and accepts the token", labelStudio.baseUrl()));
        return problem;
    }

    private Optional<String> ask(LabelStudioConnection labelStudio) {
        String where = "Label Studio at " + labelStudio.baseUrl();
        CompletableFuture<byte[]> answer = CompletableFuture.supplyAsync(() -> requests.getJson(labelStudio, WHOAMI, MAX_BYTES), executor);
        try {
            byte[] body = answer.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
            return notLabelStudio(body).map(why -> where + " " + why + "; check that LABEL_STUDIO_URL is Label Studio's base URL");
        } catch (TimeoutException e) {
            answer.cancel(true);
            return Optional.of(where + " did not answer within " + timeLimit.toMillis() + " ms; check LABEL_STUDIO_URL");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ImageFetchException f) {
                return Optional.of(describe(where, labelStudio, f));
            }
            LOG.warn("checking {} failed", where, e.getCause());
            return Optional.of(where + " could not be checked (an internal error; see the log)");
        }
    }

    private Optional<String> notLabelStudio(byte[] body) {
        try {
            JsonNode json = mapper.readTree(body);
            return json != null && json.isObject() && json.has("id") ? Optional.empty()
                    : Optional.of("answered " + WHOAMI + " with JSON that names no user");
        } catch (IOException e) {
            return Optional.of("answered " + WHOAMI + " with something that is not JSON");
        }
    }

    private static String describe(String where, LabelStudioConnection labelStudio, ImageFetchException failure) {
        boolean https = "https".equalsIgnoreCase(labelStudio.baseUrl().getScheme());
        return switch (failure.kind()) {
            case UNAUTHORIZED -> labelStudio.token().isEmpty()
                    ? where + " asks for a token (HTTP " + failure.httpStatus().orElse(401) + "): set LABEL_STUDIO_API_KEY to a"
                            + " legacy token or a personal access token (Account & Settings in Label Studio)"
                    : where + " refused the token (HTTP " + failure.httpStatus().orElse(401) + "): LABEL_STUDIO_API_KEY, or the"
                            + " access token Label Studio sent with /setup, is wrong or expired";
            case UNREACHABLE -> where + " cannot be reached (" + failure.getMessage() + ")"
                    + (https ? "; if it serves plain http, LABEL_STUDIO_URL must start with http://" : "; check LABEL_STUDIO_URL");
            case NOT_FOUND -> where + " has no " + WHOAMI + " (HTTP 404): LABEL_STUDIO_URL must be Label Studio's base URL,"
                    + " without /api or a project path";
            case UPSTREAM_ERROR -> where + " answered HTTP " + failure.httpStatus().orElse(0) + " to " + WHOAMI
                    + (https ? "" : "; if it serves https, LABEL_STUDIO_URL must start with https://");
            default -> where + " is refused: " + failure.getMessage();
        };
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
