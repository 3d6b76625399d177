package dev.flywheel.model.labelstudio;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    /** Rejects NaN and infinities, which JSON cannot carry, among {@code values} named in order by {@code names}. */
    static void finite(String names, Double... values) {
        String[] name = names.split(" ");
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && !Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name[i] + " must be a finite number, was " + values[i]);
            }
        }
    }

    /** A region value's labels, which every labelled control sends: an unmodifiable copy. */
    static List<String> labels(String type, List<String> labels) {
        return List.copyOf(Objects.requireNonNull(labels, type + "." + type));
    }

    /** A polygon's {@code [x, y]} points, checked and copied. */
    static List<List<Double>> points(List<List<Double>> points) {
        Objects.requireNonNull(points, "polygonlabels.points");
        for (List<Double> point : points) {
            if (point == null || point.size() != 2) {
                throw new IllegalArgumentException("a polygon point is an [x, y] pair, was " + point);
            }
            finite("point.x point.y", point.get(0), point.get(1));
        }
        return points.stream().map(List::copyOf).toList();
    }

    /** Rejects a blank required string among {@code values}, named in order by the space-separated {@code names}. */
    static void required(String names, String... values) {
        String[] name = names.split(" ");
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null || values[i].isBlank()) {
                throw new IllegalArgumentException(name[i] + " is required");
            }
        }
    }
}
