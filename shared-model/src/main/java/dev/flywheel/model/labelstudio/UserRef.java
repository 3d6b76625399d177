package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Label Studio user as a field value: a bare user id ({@code "completed_by": 1}) or a user object
 * ({@code {"id": 1, "email": …}}), written back in the form it came in.
 *
 * @param id the user id, when known
 * @param details the whole user object, or null when the wire form is a bare id
 */
public record UserRef(Long id, Map<String, Object> details) {

    public UserRef {
        details = Copies.map(details);
        if (id == null && details == null) {
            throw new IllegalArgumentException("a user reference needs an id or a user object");
        }
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
        throw new IllegalArgumentException("a user must be an id or an object, was " + json);
    }

    @JsonValue
    Object json() {
        return details != null ? details : id;
    }
}
