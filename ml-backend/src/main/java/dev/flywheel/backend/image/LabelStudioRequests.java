package dev.flywheel.backend.image;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * GETs from (and POSTs to) Label Studio's own API through the same client, address guard, redirect handling and token handling
 * (legacy {@code Token}, or a personal access token refreshed into {@code Bearer}) that image downloads use.
 *
 * <p>One code path for both means one place that decides which host sees the token. Failures are
 * {@link ImageFetchException}s whose messages never contain the token; {@link ImageFetchException#httpStatus()}
 * tells a caller whether retrying may help.
 */
public final class LabelStudioRequests {

    private static final String ACCEPT_JSON = "application/json";

    private final HttpDownloader http;

    LabelStudioRequests(HttpDownloader http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * The body of Label Studio's answer to {@code GET pathAndQuery}.
     *
     * @param labelStudio where Label Studio is and its token
     * @param pathAndQuery starting with {@code /}, e.g. {@code /api/projects/3/export?exportType=JSON}
     * @param maxBytes the largest body read; more fails as {@link ImageFetchException.Kind#TOO_LARGE}
     */
    public byte[] getJson(LabelStudioConnection labelStudio, String pathAndQuery, long maxBytes) {
        Objects.requireNonNull(labelStudio, "labelStudio");
        return http.get(labelStudio.url(pathAndQuery), labelStudio, ACCEPT_JSON, maxBytes);
    }

    /**
     * Label Studio's answer to {@code POST pathAndQuery} with a JSON body, e.g. a bulk import of predictions; the token
     * goes with it, as the URL is Label Studio's own.
     *
     * @param maxBytes the largest answer read
     */
    public byte[] postJson(LabelStudioConnection labelStudio, String pathAndQuery, byte[] json, long maxBytes) {
        Objects.requireNonNull(labelStudio, "labelStudio");
        return http.postJson(labelStudio.url(pathAndQuery), labelStudio, json, maxBytes);
    }

    /**
     * Label Studio's answer to {@code GET pathAndQuery}, read by {@code reader} as it arrives: for answers too large to
     * hold whole (a project's export). Limits, redirects and token handling as for {@link #getJson}.
     */
    public <T> T streamJson(LabelStudioConnection labelStudio, String pathAndQuery, long maxBytes, BodyReader<T> reader) {
        Objects.requireNonNull(labelStudio, "labelStudio");
        return http.stream(labelStudio.url(pathAndQuery), labelStudio, ACCEPT_JSON, maxBytes, reader);
    }

    /** Reads a response body while it arrives. */
    @FunctionalInterface
    public interface BodyReader<T> {

        /** The value read from {@code body}, which ends where the answer ends (or the byte limit is reached). */
        T read(InputStream body) throws IOException;
    }
}
