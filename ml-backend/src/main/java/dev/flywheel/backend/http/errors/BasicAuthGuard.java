package dev.flywheel.backend.http.errors;

import dev.flywheel.backend.config.BasicAuth;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Requires the configured basic-auth credentials on every route, compared in constant time.
 *
 * <p>Both sides are hashed before comparing so neither the length nor a matching prefix shows in the timing.
 */
public final class BasicAuthGuard {

    private final byte[] expectedUser;
    private final byte[] expectedPassword;

    public BasicAuthGuard(BasicAuth credentials) {
        this.expectedUser = sha256(credentials.user());
        this.expectedPassword = sha256(credentials.password().reveal());
    }

    /** A Javalin before-handler: passes authorised requests, refuses the rest with 401. */
    public void check(Context ctx) {
        if (!authorised(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Basic realm=\"Flywheel\", charset=\"UTF-8\"");
            throw new ApiException(401, "unauthorized", "this Flywheel backend requires basic-auth credentials");
        }
    }

    boolean authorised(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        boolean userMatches = MessageDigest.isEqual(expectedUser, sha256(decoded.substring(0, colon)));
        boolean passwordMatches = MessageDigest.isEqual(expectedPassword, sha256(decoded.substring(colon + 1)));
        return userMatches & passwordMatches;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
