package dev.flywheel.model.labelstudio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defensive copies that keep JSON's null values and absent collections apart from empty ones. */
final class Copies {

    private Copies() {}

    /** An unmodifiable copy, or null when absent: absent and empty differ on the wire. */
    static <T> List<T> list(List<T> list) {
        return list == null ? null : List.copyOf(list);
    }

    /** An unmodifiable copy that tolerates null elements (JSON arrays may hold null). */
    static <T> List<T> looseList(List<T> list) {
        return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** An unmodifiable, order-keeping copy that tolerates null values, or null when absent. */
    static Map<String, Object> map(Map<String, Object> map) {
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** The unknown properties of a record: never null, order kept, null values allowed. */
    static Map<String, Object> extra(Map<String, Object> extra) {
        return extra == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
    }

    /** Rejects NaN and infinities, which JSON cannot carry. */
    static Double finite(String name, Double value) {
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, was " + value);
        }
        return value;
    }

    /** Rejects a blank required string. */
    static String required(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
