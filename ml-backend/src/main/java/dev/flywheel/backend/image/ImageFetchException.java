package dev.flywheel.backend.image;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Why an image could not be fetched or decoded, as a kind the HTTP layer can map to a status.
 *
 * <p>Messages name the reference (queries of foreign URLs removed) and never contain a token: they are
 * built here from our own words, never from a response body or a request header.
 */
public final class ImageFetchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The broad reason, stable for callers and for error mapping. */
    public enum Kind {
        /** Label Studio or the storage answered 404/410, or a local file does not exist. */
        NOT_FOUND,
        /** Label Studio or the storage answered 401/403, or the token could not be refreshed. */
        UNAUTHORIZED,
        /** More bytes or more pixels than {@link FetchLimits} allow. */
        TOO_LARGE,
        /** The bytes are not an image ImageIO can decode, or they are truncated. */
        NOT_AN_IMAGE,
        /** The target resolves to a link-local, metadata, wildcard or multicast address. */
        REFUSED_ADDRESS,
        /** A local path escapes the document root (traversal, absolute path, symlink). */
        REFUSED_PATH,
        /** A scheme or form Flywheel does not read ({@code file:}, {@code ftp:}, …). */
        UNSUPPORTED_REFERENCE,
        /** The reference needs Label Studio's URL or the task id and neither was given. */
        NOT_CONFIGURED,
        /** More redirects than {@link FetchLimits#maxRedirects()}. */
        TOO_MANY_REDIRECTS,
        /** Connection failed or timed out. */
        UNREACHABLE,
        /** Any other non-2xx answer. */
        UPSTREAM_ERROR;

        /** Whether the kind came from an HTTP status, the cases worth trying an alternative URL for. */
        boolean isHttpStatus() {
            return this == NOT_FOUND || this == UNAUTHORIZED || this == UPSTREAM_ERROR;
        }
    }

    private final Kind kind;
    private final int httpStatus;

    ImageFetchException(Kind kind, String message) {
        this(kind, message, 0);
    }

    ImageFetchException(Kind kind, String message, int httpStatus) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.httpStatus = httpStatus;
    }

    ImageFetchException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.httpStatus = 0;
    }

    /** The reason, for mapping to an HTTP status or a per-task error. */
    public Kind kind() {
        return kind;
    }

    /** The HTTP status that caused this, when an answer came at all; callers retry on 5xx. */
    public OptionalInt httpStatus() {
        return httpStatus == 0 ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }
}
