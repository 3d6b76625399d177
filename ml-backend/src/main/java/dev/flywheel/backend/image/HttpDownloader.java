package dev.flywheel.backend.image;

import static dev.flywheel.backend.image.ImageFetchException.Kind.NOT_FOUND;
import static dev.flywheel.backend.image.ImageFetchException.Kind.REFUSED_ADDRESS;
import static dev.flywheel.backend.image.ImageFetchException.Kind.TOO_MANY_REDIRECTS;
import static dev.flywheel.backend.image.ImageFetchException.Kind.UNAUTHORIZED;
import static dev.flywheel.backend.image.ImageFetchException.Kind.UNREACHABLE;
import static dev.flywheel.backend.image.ImageFetchException.Kind.UNSUPPORTED_REFERENCE;
import static dev.flywheel.backend.image.ImageFetchException.Kind.UPSTREAM_ERROR;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * GETs image bytes, following redirects by hand so the Label Studio token goes to Label Studio only.
 *
 * <p>Every hop is checked by the {@link AddressGuard} before it is sent; the token is attached only when the
 * hop's origin is Label Studio's, so the presigned storage URL behind a 303 never sees it (S3 rejects a
 * request carrying two auth mechanisms, and the token must not leak to a third party anyway). A 401 from
 * Label Studio with a personal access token is retried once with a freshly refreshed access token.
 */
final class HttpDownloader {

    private final OkHttpClient client;
    private final AddressGuard guard;
    private final LabelStudioAuth auth;
    private final FetchLimits limits;

    HttpDownloader(OkHttpClient client, AddressGuard guard, LabelStudioAuth auth, FetchLimits limits) {
        this.client = client;
        this.guard = guard;
        this.auth = auth;
        this.limits = limits;
    }

    /** The body of {@code url} after redirects; {@code labelStudio} may be null when none is known. */
    byte[] get(HttpUrl url, LabelStudioConnection labelStudio) {
        return get(url, labelStudio, "image/*, */*;q=0.5", limits.maxBytes());
    }

    /** The same, asking for {@code accept} and reading at most {@code maxBytes}: how API answers are read too. */
    byte[] get(HttpUrl url, LabelStudioConnection labelStudio, String accept, long maxBytes) {
        return stream(url, labelStudio, accept, maxBytes, body -> BoundedRead.bytes(body, Long.MAX_VALUE, Redaction.describe(url)));
    }

    /**
     * The body of {@code url} after redirects, handed to {@code reader} as it arrives (at most {@code maxBytes} of it),
     * so a large answer need not be held whole. One time limit, {@link FetchLimits#callTimeout()}, covers the whole
     * fetch: every redirect, the token retry and reading the body.
     */
    <T> T stream(HttpUrl url, LabelStudioConnection labelStudio, String accept, long maxBytes, LabelStudioRequests.BodyReader<T> reader) {
        long limit = limits.callTimeout().toNanos();
        long deadline = System.nanoTime() + limit;
        HttpUrl current = url;
        boolean retriedUnauthorized = false;
        int redirects = 0;
        while (true) {
            boolean toLabelStudio = labelStudio != null && labelStudio.isSameOrigin(current);
            Request.Builder request = new Request.Builder().url(current).header("Accept", accept);
            if (toLabelStudio) {
                auth.header(labelStudio).ifPresent(value -> request.header("Authorization", value));
            }
            try {
                guard.check(current.host());
                Call call = client.newCall(request.build());
                if (limit > 0) {
                    long remaining = deadline - System.nanoTime();
                    if (remaining <= 0) {
                        throw new InterruptedIOException("the fetch's time limit ran out");
                    }
                    // OkHttp's call timeout is per call, and every hop is a call: what is left of the fetch's own.
                    call.timeout().timeout(remaining, TimeUnit.NANOSECONDS);
                }
                try (Response response = call.execute()) {
                    int code = response.code();
                    if (isRedirect(code)) {
                        if (redirects++ >= limits.maxRedirects()) {
                            throw new ImageFetchException(TOO_MANY_REDIRECTS, "more than " + limits.maxRedirects()
                                    + " redirects fetching " + Redaction.describe(url));
                        }
                        current = redirectTarget(current, response);
                        continue;
                    }
                    if (code == 401 && toLabelStudio && !retriedUnauthorized && auth.isRefreshable(labelStudio)) {
                        auth.invalidate(labelStudio);
                        retriedUnauthorized = true;
                        continue;
                    }
                    if (!response.isSuccessful()) {
                        throw statusError(code, current);
                    }
                    long declared = response.body().contentLength();
                    if (declared > maxBytes) {
                        throw BoundedRead.tooLarge(Redaction.describe(current), maxBytes);
                    }
                    return reader.read(BoundedRead.limited(response.body().byteStream(), maxBytes, Redaction.describe(current)));
                }
            } catch (RefusedAddressException e) {
                throw new ImageFetchException(REFUSED_ADDRESS, e.getMessage(), e);
            } catch (InterruptedIOException e) {
                throw new ImageFetchException(UNREACHABLE, "timed out fetching " + Redaction.describe(url) + " (a limit of "
                        + limits.callTimeout().toSeconds() + " s covers the fetch with all its redirects)", e);
            } catch (IOException e) {
                throw new ImageFetchException(UNREACHABLE, "cannot fetch " + Redaction.describe(current)
                        + ": " + NetworkFailure.describe(e), e);
            }
        }
    }

    /**
     * POSTs a JSON body to Label Studio itself and answers its reply; no redirect is followed (a POST that Label
     * Studio redirects went to the wrong place), and a 401 with a personal access token is retried once, refreshed.
     */
    byte[] postJson(HttpUrl url, LabelStudioConnection labelStudio, byte[] json, long maxBytes) {
        boolean retriedUnauthorized = false;
        while (true) {
            Request.Builder request = new Request.Builder().url(url).header("Accept", "application/json")
                    .post(RequestBody.create(json, MediaType.get("application/json")));
            auth.header(labelStudio).ifPresent(value -> request.header("Authorization", value));
            try {
                guard.check(url.host());
                try (Response response = client.newCall(request.build()).execute()) {
                    int code = response.code();
                    if (code == 401 && !retriedUnauthorized && auth.isRefreshable(labelStudio)) {
                        auth.invalidate(labelStudio);
                        retriedUnauthorized = true;
                        continue;
                    }
                    if (!response.isSuccessful()) {
                        throw statusError(code, url);
                    }
                    return BoundedRead.bytes(response.body().byteStream(), maxBytes, Redaction.describe(url));
                }
            } catch (RefusedAddressException e) {
                throw new ImageFetchException(REFUSED_ADDRESS, e.getMessage(), e);
            } catch (InterruptedIOException e) {
                throw new ImageFetchException(UNREACHABLE, "timed out posting to " + Redaction.describe(url), e);
            } catch (IOException e) {
                throw new ImageFetchException(UNREACHABLE, "cannot post to " + Redaction.describe(url) + ": " + NetworkFailure.describe(e), e);
            }
        }
    }

    private static boolean isRedirect(int code) {
        return code == 301 || code == 302 || code == 303 || code == 307 || code == 308;
    }

    private static HttpUrl redirectTarget(HttpUrl from, Response response) {
        String location = response.header("Location");
        if (location == null || location.isBlank()) {
            throw new ImageFetchException(UPSTREAM_ERROR, "redirect without a Location from " + Redaction.describe(from));
        }
        // resolve() answers null for schemes other than http(s): file:, ftp:, gopher: … are refused here.
        return Optional.ofNullable(from.resolve(location)).orElseThrow(() -> new ImageFetchException(
                UNSUPPORTED_REFERENCE, "refused a redirect to a non-http(s) location from " + Redaction.describe(from)));
    }

    private static ImageFetchException statusError(int code, HttpUrl url) {
        String message = "HTTP " + code + " fetching " + Redaction.describe(url);
        return switch (code) {
            case 404, 410 -> new ImageFetchException(NOT_FOUND, message, code);
            case 401, 403 -> new ImageFetchException(UNAUTHORIZED, message
                    + "; check LABEL_STUDIO_API_KEY (legacy token or personal access token)", code);
            default -> new ImageFetchException(UPSTREAM_ERROR, message, code);
        };
    }
}
