package dev.flywheel.eclipse.core.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.model.json.FlywheelJson;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.eclipse.osgi.util.NLS;

/**
 * A synchronous client of one Flywheel backend; it blocks, so callers run it in a job, never on
 * the UI thread.
 */
public final class BackendClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(20);

    private final String baseUrl;
    private final OkHttpClient http;
    private final ObjectMapper json;

    /**
     * A client of the backend at {@code baseUrl} (for example {@code http://127.0.0.1:9090}).
     *
     * @throws IllegalArgumentException if the URL is not an absolute http(s) URL
     */
    public BackendClient(String baseUrl) {
        this(baseUrl, new OkHttpClient.Builder()
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(READ_TIMEOUT)
                .build());
    }

    BackendClient(String baseUrl, OkHttpClient http) {
        this.baseUrl = normalize(baseUrl);
        this.http = http;
        this.json = FlywheelJson.newMapper();
    }

    /** The backend's URL, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Asks the backend how it is ({@code GET /health}).
     *
     * @throws BackendException when the backend cannot be reached, answers non-2xx or answers
     *     something that is not a health reply
     */
    public BackendHealth health() throws BackendException {
        return get("/health", BackendHealth.class); //$NON-NLS-1$
    }

    private <T> T get(String path, Class<T> type) throws BackendException {
        String call = "GET " + path; //$NON-NLS-1$
        Request request = new Request.Builder().url(baseUrl + path).get().build();
        try (Response response = http.newCall(request).execute()) {
            String body = response.body().string();
            if (!response.isSuccessful()) {
                throw httpError(call, response.code(), body);
            }
            return read(call, body, type);
        } catch (IOException e) {
            throw new BackendException(NLS.bind(Messages.BackendClient_unreachable, baseUrl, describe(e)), e);
        }
    }

    private <T> T read(String call, String body, Class<T> type) throws BackendException {
        try {
            return json.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new BackendException(
                    NLS.bind(Messages.BackendClient_unreadableReply, new Object[] {baseUrl, call, e.getOriginalMessage()}), e);
        }
    }

    /** Uses the {@code detail} of Flywheel's error body when there is one, so the user reads the backend's reason. */
    private BackendException httpError(String call, int code, String body) {
        String detail = null;
        try {
            JsonNode node = json.readTree(body);
            if (node != null && node.hasNonNull("detail")) { //$NON-NLS-1$
                detail = node.get("detail").asText(); //$NON-NLS-1$
            }
        } catch (JsonProcessingException e) {
            // not Flywheel's error body (a proxy's HTML page, say): report the status alone
        }
        return detail == null || detail.isBlank()
                ? new BackendException(NLS.bind(Messages.BackendClient_httpError, new Object[] {baseUrl, call, code}))
                : new BackendException(NLS.bind(Messages.BackendClient_httpErrorWithDetail,
                        new Object[] {baseUrl, call, code, detail}));
    }

    private static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused"; //$NON-NLS-1$
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private static String normalize(String baseUrl) {
        URI uri;
        try {
            uri = URI.create(baseUrl.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a URL: " + baseUrl, e); //$NON-NLS-1$
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT); //$NON-NLS-1$
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) { //$NON-NLS-1$ //$NON-NLS-2$
            throw new IllegalArgumentException("Not an http(s) URL: " + baseUrl); //$NON-NLS-1$
        }
        String text = uri.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text; //$NON-NLS-1$
    }
}
