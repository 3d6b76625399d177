package dev.flywheel.backend.http.errors;

import io.javalin.http.Context;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Gives every request an id, sent back as {@code X-Request-Id}, so a caller who quotes it from a 500 leads the operator
 * to the one log line that explains it.
 *
 * <p>The id is always ours: an incoming {@code X-Request-Id} is not echoed, so a caller cannot plant text in the log.
 */
public final class RequestIds {

    /** The response header that carries the id. */
    public static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "flywheel.request-id";

    private final SecureRandom random = new SecureRandom();

    /** A before-handler: assigns the id and sets the header, so even a refused request carries it. */
    public void assign(Context ctx) {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    /** The request's id; a request refused before {@link #assign} ran gets one now. */
    static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        if (id == null) {
            id = java.util.UUID.randomUUID().toString();
            ctx.attribute(ATTRIBUTE, id);
            ctx.header(HEADER, id);
        }
        return id;
    }
}
