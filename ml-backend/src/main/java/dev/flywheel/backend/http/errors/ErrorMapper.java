package dev.flywheel.backend.http.errors;

import dev.flywheel.backend.image.ImageFetchException;
import dev.flywheel.backend.insights.IncomparableException;
import dev.flywheel.backend.insights.InsufficientDataException;
import dev.flywheel.backend.kind.NoServableVersionException;
import dev.flywheel.backend.kind.UnsupportedLabelConfigException;
import dev.flywheel.backend.labelconfig.LabelConfigException;
import dev.flywheel.backend.store.RunStateException;
import dev.flywheel.backend.store.StorageFullException;
import dev.flywheel.backend.store.UnknownEntityException;
import dev.flywheel.model.error.ApiError;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure to a status and an {@link ApiError} body, in one place: never a stack trace, never a 2xx carrying
 * an error.
 */
public final class ErrorMapper {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {}

    public static void register(Javalin app) {
        app.exception(Exception.class, (e, ctx) -> handle(unwrap(e), ctx));
        // Javalin answers its own HttpResponseExceptions (413 from the body limit among them) in plain text unless a
        // handler is registered for exactly that type; the one for Exception above does not count.
        app.exception(HttpResponseException.class, (e, ctx) -> handle(e, ctx));
        app.error(404, ctx -> {
            String result = ctx.result();
            if (result == null || !result.startsWith("{")) {
                write(ctx, 404, "not_found", "no such endpoint: " + ctx.method() + " " + ctx.path(), Map.of());
            }
        });
        app.error(405, ctx -> write(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path(), Map.of()));
    }

    private static void handle(Throwable e, Context ctx) {
        switch (e) {
            case ApiException api -> write(ctx, api.status(), api.error(), api.getMessage(), api.fields());
            case UnsupportedLabelConfigException unsupported ->
                    write(ctx, 422, "unsupported_label_config", unsupported.getMessage(), Map.of());
            case LabelConfigException invalid -> write(ctx, 422, "invalid_label_config", invalid.getMessage(), Map.of());
            case UnknownEntityException unknown -> write(ctx, 404, "not_found", unknown.getMessage(), Map.of());
            case StorageFullException full -> {
                // The operator has to act, and the client must not count this as stored: a 507, never a 2xx or a vague 500.
                LOG.warn("{} {} refused: {}", ctx.method(), ctx.path(), full.getMessage());
                write(ctx, 507, "insufficient_storage", "the disk holding Flywheel's data is full, so nothing of this request was stored;"
                        + " free space on it and send the request again", Map.of());
            }
            case RunStateException conflict -> write(ctx, 409, "conflict", conflict.getMessage(), Map.of());
            case IncomparableException incomparable -> write(ctx, 409, "incomparable_versions", incomparable.getMessage(), Map.of());
            case InsufficientDataException insufficient -> write(ctx, 409, "insufficient_data", insufficient.getMessage(), insufficient.fields());
            case ImageFetchException fetch -> write(ctx, status(fetch.kind()),
                    "image_" + fetch.kind().name().toLowerCase(java.util.Locale.ROOT), fetch.getMessage(), Map.of());
            case NoServableVersionException none -> {
                // Not an empty "untrained" answer: the project has versions, and Label Studio should show that none serves.
                LOG.warn("{} {} refused: {}", ctx.method(), ctx.path(), none.getMessage());
                write(ctx, 503, "no_servable_version", none.getMessage(), Map.of());
            }
            case RejectedExecutionException overloaded -> {
                ctx.header("Retry-After", "1");
                write(ctx, 503, "overloaded", "Flywheel is busy; retry in a second", Map.of());
            }
            case HttpResponseException http when http.getStatus() == 404 ->
                    write(ctx, 404, "not_found", "no such endpoint: " + ctx.method() + " " + ctx.path(), Map.of());
            case HttpResponseException http when http.getStatus() == 405 ->
                    write(ctx, 405, "method_not_allowed", ctx.method() + " is not allowed on " + ctx.path(), Map.of());
            case HttpResponseException http when http.getStatus() == 413 -> write(ctx, 413, "http_413",
                    "the request body is larger than Flywheel accepts; send fewer tasks per request", Map.of());
            // Javalin's own texts can name our classes ("Couldn't deserialize body to ..."): the status's reason only.
            case HttpResponseException http -> write(ctx, http.getStatus(), "http_" + http.getStatus(),
                    "the request was refused: " + HttpStatus.getMessage(http.getStatus()), Map.of());
            case IllegalArgumentException invalid -> {
                // Thrown by our code and by libraries alike (NumberFormatException, URI parsing): its text is not ours
                // to show. The log line keeps it, under the id the caller sees.
                String id = RequestIds.of(ctx);
                LOG.info("request {} {} {} refused as invalid: {}", id, ctx.method(), ctx.path(), invalid.getMessage());
                write(ctx, 400, "invalid_request", "the request has a value Flywheel cannot use; request id " + id,
                        Map.of("request_id", id));
            }
            default -> {
                String id = RequestIds.of(ctx);
                LOG.error("internal error, request {} on {} {}", id, ctx.method(), ctx.path(), e);
                write(ctx, 500, "internal_error", "internal error; request id " + id, Map.of("request_id", id));
            }
        }
    }

    /**
     * A reference the caller chose that Flywheel will not or cannot read is the caller's problem (4xx); only a source
     * that failed while being read honestly is a bad gateway (502).
     */
    static int status(ImageFetchException.Kind kind) {
        return switch (kind) {
            case NOT_FOUND -> 404;
            case REFUSED_ADDRESS, REFUSED_PATH -> 403;
            case UNSUPPORTED_REFERENCE, NOT_AN_IMAGE, TOO_LARGE, TOO_MANY_REDIRECTS -> 422;
            case NOT_CONFIGURED -> 409;
            default -> 502;
        };
    }

    private static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static void write(Context ctx, int status, String error, String detail, Map<String, String> fields) {
        ctx.status(status).json(new ApiError(error, detail == null ? error : detail, fields.isEmpty() ? null : fields));
    }
}
