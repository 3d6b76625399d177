package dev.flywheel.model.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The compact-constructor checks shared by the API records; messages name the JSON field. */
final class Checks {

    private Checks() {}

    /** Rejects a missing or blank value among {@code values}, named in order by the space-separated {@code names}. */
    static void required(String names, Object... values) {
        check(names, values, value -> value != null && !(value instanceof String text && text.isBlank()), "is required");
    }

    static void nonNegative(String names, Number... values) {
        check(names, values, value -> value == null || value.doubleValue() >= 0, "must be a non-negative number, was %s");
    }

    static void finite(String names, Double... values) {
        check(names, values, value -> value == null || Double.isFinite(value), "must be a finite number, was %s");
    }

    /** Ratios are numbers in [0, 1], as the API contract states. */
    static void ratio(String names, Double... values) {
        check(names, values, value -> value == null || value >= 0 && value <= 1, "must be in [0, 1], was %s");
    }

    private static <T> void check(String names, T[] values, Predicate<T> valid, String complaint) {
        String[] name = names.split(" ");
        for (int i = 0; i < values.length; i++) {
            if (!valid.test(values[i])) {
                throw new IllegalArgumentException(name[i] + " " + complaint.formatted(values[i]));
            }
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
