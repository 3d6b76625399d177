package dev.flywheel.eclipse.core.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.model.error.ApiError;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.eclipse.osgi.util.NLS;

/**
 * Sends one request to one backend and turns every way it can go wrong into a {@link BackendException}
 * whose message names the backend, the call and the reason.
 */
final class Transport {

    private static final MediaType JSON = MediaType.get("application/json"); //$NON-NLS-1$
    private static final RequestBody EMPTY_JSON = RequestBody.create("{}", JSON); //$NON-NLS-1$

    private final String baseUrl;
    private final String authorization;
    private final OkHttpClient http;
    private final ObjectMapper json;

    Transport(String baseUrl, String authorization, OkHttpClient http, ObjectMapper json) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.http = http;
        this.json = json;
    }

    String baseUrl() {
        return baseUrl;
    }

    /** A URL builder positioned at the backend's root. */
    HttpUrl.Builder url() {
        return HttpUrl.get(baseUrl).newBuilder();
    }

    <T> T get(HttpUrl url, Class<T> type) throws BackendException {
        return read(url, "GET", type, execute(request(url).get().build())); //$NON-NLS-1$
    }

    <T> T post(HttpUrl url, Class<T> type) throws BackendException {
        return read(url, "POST", type, execute(request(url).post(EMPTY_JSON).build())); //$NON-NLS-1$
    }

    <T> T delete(HttpUrl url, Class<T> type) throws BackendException {
        // The backend takes state changes as JSON only: a bodiless DELETE still says so.
        return read(url, "DELETE", type, execute(request(url).delete(EMPTY_JSON).build())); //$NON-NLS-1$
    }

    byte[] bytes(HttpUrl url) throws BackendException {
        Request request = request(url).get().build();
        String call = call("GET", url); //$NON-NLS-1$
        try (Response response = http.newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw httpError(call, response.code(), response.body().string());
            }
            return response.body().bytes();
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    private Request.Builder request(HttpUrl url) {
        Request.Builder builder = new Request.Builder().url(url).header("Accept", "application/json"); //$NON-NLS-1$ //$NON-NLS-2$
        if (authorization != null) {
            builder.header("Authorization", authorization); //$NON-NLS-1$
        }
        return builder;
    }

    /** The status and body of a reply, read completely so the connection can be reused. */
    private record Reply(int code, String body) {}

    private Reply execute(Request request) throws BackendException {
        try (Response response = http.newCall(request).execute()) {
            return new Reply(response.code(), response.body().string());
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    private <T> T read(HttpUrl url, String method, Class<T> type, Reply reply) throws BackendException {
        String call = call(method, url);
        if (reply.code() < 200 || reply.code() > 299) {
            throw httpError(call, reply.code(), reply.body());
        }
        try {
            return json.readValue(reply.body(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String reason = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
            throw new BackendException(NLS.bind(Messages.BackendClient_unreadableReply, new Object[] {baseUrl, call, reason}),
                    reply.code(), null, e);
        }
    }

    /** Uses Flywheel's error body when there is one, so the user reads the backend's reason and its stable key. */
    private BackendException httpError(String call, int code, String body) {
        ApiError error = null;
        try {
            error = json.readValue(body, ApiError.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // not Flywheel's error body (a proxy's HTML page, say): report the status alone
        }
        if (error == null) {
            return new BackendException(NLS.bind(Messages.BackendClient_httpError, new Object[] {baseUrl, call, code}),
                    code, null, null);
        }
        return new BackendException(NLS.bind(Messages.BackendClient_httpErrorWithDetail,
                new Object[] {baseUrl, call, code, error.detail(), error.error()}), code, error, null);
    }

    private BackendException unreachable(IOException e) {
        return new BackendException(NLS.bind(Messages.BackendClient_unreachable, baseUrl, describe(e)), 0, null, e);
    }

    private static String call(String method, HttpUrl url) {
        String query = url.encodedQuery();
        return method + " " + url.encodedPath() + (query == null ? "" : "?" + query); //$NON-NLS-1$ //$NON-NLS-2$ //$NON-NLS-3$
    }

    private static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused"; //$NON-NLS-1$
        }
        if (e instanceof SocketTimeoutException) {
            return "no answer in time"; //$NON-NLS-1$
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
