package dev.flywheel.backend.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/** Reads the {@code exp} claim of a JWT without verifying it: enough to tell a personal access token from a legacy token and to know when an access token expires. */
final class Jwt {

    private final ObjectMapper mapper;

    Jwt(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The expiry of {@code token} if it is a JWT carrying a numeric {@code exp}, else empty (a legacy token). */
    Optional<Instant> expiry(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode claims = mapper.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode exp = claims == null ? null : claims.get("exp");
            return exp != null && exp.isNumber() ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }
}
