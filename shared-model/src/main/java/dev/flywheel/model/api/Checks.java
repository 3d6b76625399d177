package dev.flywheel.model.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The compact-constructor checks shared by the API records; messages name the JSON field. */
final class Checks {

    private Checks() {}

    static void required(String name, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    static void nonNegative(String name, Number value) {
        if (value != null && !(value.doubleValue() >= 0)) {
            throw new IllegalArgumentException(name + " must be a non-negative number, was " + value);
        }
    }

    static void finite(String name, Double value) {
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, was " + value);
        }
    }

    /** Ratios are numbers in [0, 1], as the API contract states. */
    static void ratio(String name, Double value) {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
        }
    }

    /** An unmodifiable copy; an absent list reads as empty because the contract always sends lists. */
    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** An unmodifiable, order-keeping copy that tolerates null values; absent reads as empty. */
    static Map<String, Object> map(Map<String, Object> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
