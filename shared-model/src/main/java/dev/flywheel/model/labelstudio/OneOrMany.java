package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Objects;

/**
 * A JSON value that Label Studio sends either as one object or as an array of them, remembering which.
 *
 * <p>Examples: an entry of {@code /predict}'s {@code results} (one prediction, or a list per task since LS ≈1.13)
 * and a webhook's {@code annotation}/{@code task} (an array for the bulk {@code ANNOTATIONS_CREATED}).
 * It is written back in the shape it was read in.
 *
 * @param items the values, never empty for a single value
 * @param array whether the wire form is a JSON array
 */
@JsonDeserialize(using = OneOrManyDeserializer.class)
public record OneOrMany<T>(List<T> items, boolean array) {

    public OneOrMany {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        if (!array && items.size() != 1) {
            throw new IllegalArgumentException("a single value needs exactly one item, got " + items.size());
        }
    }

    /** One value, written as a JSON object. */
    public static <T> OneOrMany<T> one(T item) {
        return new OneOrMany<>(List.of(item), false);
    }

    /** Several values, written as a JSON array (even with one or zero items). */
    public static <T> OneOrMany<T> many(List<T> items) {
        return new OneOrMany<>(items, true);
    }

    /** The first value, or null for an empty array. */
    public T first() {
        return items.isEmpty() ? null : items.get(0);
    }

    @JsonValue
    Object json() {
        return array ? items : items.get(0);
    }
}
