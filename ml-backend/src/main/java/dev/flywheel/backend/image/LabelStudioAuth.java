package dev.flywheel.backend.image;

import static dev.flywheel.backend.image.ImageFetchException.Kind.UNAUTHORIZED;
import static dev.flywheel.backend.image.ImageFetchException.Kind.UNREACHABLE;
import static dev.flywheel.backend.image.ImageFetchException.Kind.UPSTREAM_ERROR;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.config.Secret;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The {@code Authorization} header for Label Studio: {@code Token <key>} for a legacy token, or
 * {@code Bearer <access>} obtained by refreshing a personal access token, cached until shortly before expiry.
 */
final class LabelStudioAuth {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final Duration UNKNOWN_EXPIRY_LIFETIME = Duration.ofMinutes(4);
    private static final int MAX_REFRESH_RESPONSE_BYTES = 64 * 1024;

    private record Access(String header, Instant refreshAfter) {}

    private final OkHttpClient client;
    private final AddressGuard guard;
    private final ObjectMapper mapper;
    private final Jwt jwt;
    private final Clock clock;
    private final Map<String, Access> accessByConnection = new ConcurrentHashMap<>();

    LabelStudioAuth(OkHttpClient client, AddressGuard guard, ObjectMapper mapper, Clock clock) {
        this.client = client;
        this.guard = guard;
        this.mapper = mapper;
        this.jwt = new Jwt(mapper);
        this.clock = clock;
    }

    /** Whether a 401 may be cured by refreshing: only personal access tokens can be. */
    boolean isRefreshable(LabelStudioConnection connection) {
        return connection.token().map(t -> jwt.expiry(t.reveal()).isPresent()).orElse(false);
    }

    /**
     * The header value for requests to Label Studio, or empty when no token is configured.
     *
     * <p>No lock is held while a token is refreshed: a refresh waits on Label Studio, and a {@code /predict} whose
     * token is valid (another project's, a legacy one, a cached access token) must never wait behind it. Two threads
     * that find the same access token expired may both refresh; Label Studio hands each a valid one.
     */
    Optional<String> header(LabelStudioConnection connection) {
        if (connection.token().isEmpty()) {
            return Optional.empty();
        }
        Secret token = connection.token().orElseThrow();
        Optional<Instant> patExpiry = jwt.expiry(token.reveal());
        if (patExpiry.isEmpty()) {
            return Optional.of("Token " + token.reveal());
        }
        Instant now = clock.instant();
        if (!now.isBefore(patExpiry.get())) {
            throw new ImageFetchException(UNAUTHORIZED, "the Label Studio personal access token expired at "
                    + patExpiry.get() + "; create a new one and set LABEL_STUDIO_API_KEY");
        }
        String key = cacheKey(connection);
        Access cached = accessByConnection.get(key);
        if (cached == null || !now.isBefore(cached.refreshAfter())) {
            cached = refresh(connection, token, now);
            accessByConnection.put(key, cached);
        }
        return Optional.of(cached.header());
    }

    /** Forgets the cached access token after Label Studio rejected it. */
    void invalidate(LabelStudioConnection connection) {
        accessByConnection.remove(cacheKey(connection));
    }

    private Access refresh(LabelStudioConnection connection, Secret token, Instant now) {
        HttpUrl url = connection.url("/api/token/refresh/");
        String body;
        try {
            body = mapper.writeValueAsString(Map.of("refresh", token.reveal()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a JSON string", e);
        }
        Request request = new Request.Builder().url(url).post(RequestBody.create(body, JSON)).build();
        try {
            guard.check(url.host());
            try (Response response = client.newCall(request).execute()) {
                if (response.code() == 401 || response.code() == 403) {
                    throw new ImageFetchException(UNAUTHORIZED, "Label Studio refused to refresh the personal access token (HTTP "
                            + response.code() + " from " + url.encodedPath() + ")");
                }
                if (!response.isSuccessful()) {
                    throw new ImageFetchException(UPSTREAM_ERROR, "refreshing the personal access token failed with HTTP "
                            + response.code() + " from " + url.encodedPath());
                }
                JsonNode json = mapper.readTree(BoundedRead.bytes(response.body().byteStream(), MAX_REFRESH_RESPONSE_BYTES, "token refresh"));
                JsonNode access = json == null ? null : json.get("access");
                if (access == null || !access.isTextual() || access.asText().isBlank()) {
                    throw new ImageFetchException(UNAUTHORIZED, "Label Studio's token refresh answer has no access token");
                }
                Instant expiry = jwt.expiry(access.asText()).orElse(now.plus(UNKNOWN_EXPIRY_LIFETIME));
                return new Access("Bearer " + access.asText(), expiry.minus(SKEW));
            }
        } catch (RefusedAddressException e) {
            throw new ImageFetchException(ImageFetchException.Kind.REFUSED_ADDRESS, e.getMessage(), e);
        } catch (IOException e) {
            throw new ImageFetchException(UNREACHABLE, "cannot reach Label Studio at " + url.host() + ":" + url.port()
                    + " to refresh the personal access token: " + NetworkFailure.describe(e), e);
        }
    }

    private static String cacheKey(LabelStudioConnection connection) {
        // The token's hash, not the token, so a heap dump of the key set shows no secret.
        return connection.baseUrl() + "#" + Hashing.sha256(connection.token().map(Secret::reveal).orElse(""));
    }
}
