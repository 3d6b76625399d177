package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A Label Studio user as a field value: a bare user id ({@code "completed_by": 1}), a user object
 * ({@code {"id": 1, "email": …}}), a name as text (drafts send the e-mail: {@code "user": "ann@example.com"}) or any
 * other shape, written back in the form it came in: a field Flywheel reads only for display never fails a request.
 *
 * @param id the user id, when known
 * @param details the whole user object, or null when the wire form is not an object
 * @param asSent the wire value when it is neither a number nor an object (text such as an e-mail, a list), else null
 */
public record UserRef(Long id, Map<String, Object> details, Object asSent) {

    public UserRef {
        details = Copies.map(details);
        if (id == null && details == null && asSent == null) {
            throw new IllegalArgumentException("a user reference needs an id, a user object or a name");
        }
    }

    /** A user by id or object. */
    public UserRef(Long id, Map<String, Object> details) {
        this(id, details, null);
    }

    /** The e-mail or name Label Studio gave for the user, when it gave one. */
    public Optional<String> name() {
        if (asSent instanceof String text && !text.isBlank()) {
            return Optional.of(text.strip());
        }
        if (details == null) {
            return Optional.empty();
        }
        return java.util.stream.Stream.of("email", "username", "first_name").map(details::get).filter(v -> v instanceof String s && !s.isBlank())
                .map(String.class::cast).findFirst();
    }

    /** A bare user id. */
    public static UserRef of(long id) {
        return new UserRef(id, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static UserRef fromJson(Object json) {
        if (json instanceof Number number) {
            return new UserRef(number.longValue(), null);
        }
        if (json instanceof Map<?, ?> map) {
            Map<String, Object> user = new LinkedHashMap<>();
            map.forEach((key, value) -> user.put(String.valueOf(key), value));
            Long id = user.get("id") instanceof Number number ? number.longValue() : null;
            return new UserRef(id, user);
        }
        if (json instanceof String string) {
            String trimmed = string.strip();
            // A user id sent as text is still the id; anything else is a name (an e-mail, in Label Studio's drafts).
            return trimmed.matches("\\d{1,18}") ? new UserRef(Long.parseLong(trimmed), null, string) : new UserRef(null, null, string);
        }
        // Liberal: a user in a shape Flywheel does not know is kept as it came rather than failing the request.
        return new UserRef(null, null, json);
    }

    @JsonValue
    Object json() {
        if (details != null) {
            return details;
        }
        return asSent != null ? asSent : id;
    }
}
