package dev.flywheel.backend.image;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds every fetch respects: bytes, pixels, time and redirects.
 *
 * @param maxBytes largest encoded image accepted, counted while streaming (Content-Length is only a hint)
 * @param maxPixels largest width × height accepted, read from the image header before any pixel is decoded
 * @param connectTimeout time to open a TCP connection
 * @param readTimeout longest silence while reading a response
 * @param callTimeout whole-request budget, redirects included per hop
 * @param maxRedirects redirects followed per fetch before giving up
 */
public record FetchLimits(
        long maxBytes,
        long maxPixels,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        int maxRedirects) {

    /** 50 MiB: well above a full-resolution camera JPEG, far below what exhausts a heap. */
    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

    /** 50 megapixels (about 8660 × 5770): an int-ARGB raster of this size is 200 MB. */
    public static final long DEFAULT_MAX_PIXELS = 50_000_000L;

    public FetchLimits {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (maxBytes < 1 || maxPixels < 1) {
            throw new IllegalArgumentException("maxBytes and maxPixels must be positive");
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must not be negative");
        }
        if (connectTimeout.isNegative() || readTimeout.isNegative() || callTimeout.isNegative()) {
            throw new IllegalArgumentException("timeouts must not be negative");
        }
    }

    /** The production defaults: 50 MiB, 50 MP, connect 5 s, read 30 s, call 60 s, 5 redirects. */
    public static FetchLimits defaults() {
        return new FetchLimits(
                DEFAULT_MAX_BYTES,
                DEFAULT_MAX_PIXELS,
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                Duration.ofSeconds(60),
                5);
    }

    /** A copy with another byte cap. */
    FetchLimits withMaxBytes(long bytes) {
        return new FetchLimits(bytes, maxPixels, connectTimeout, readTimeout, callTimeout, maxRedirects);
    }

    /** A copy with another pixel cap. */
    FetchLimits withMaxPixels(long pixels) {
        return new FetchLimits(maxBytes, pixels, connectTimeout, readTimeout, callTimeout, maxRedirects);
    }

    /** A copy with another redirect bound. */
    FetchLimits withMaxRedirects(int redirects) {
        return new FetchLimits(maxBytes, maxPixels, connectTimeout, readTimeout, callTimeout, redirects);
    }
}
