package dev.flywheel.backend.insights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an annotator did with a pre-label, read from the two {@code result} arrays in Label Studio's format: kept it as
 * it was, edited it (kept some of its regions: a moved or relabelled box, a box or tag added or removed), or replaced it
 * (kept none: another choice, only new boxes).
 * It reads only what every region has (control, type, labels, geometry), so it holds for every task kind.
 */
enum PrelabelUse {
    ACCEPTED, EDITED, REPLACED;

    /** How far, in percent of the image, a coordinate may move and still be the same box: the editor's rounding. */
    private static final double SAME_PLACE = 0.5;

    /** The use, or empty when either result is unreadable. */
    static Optional<PrelabelUse> of(String servedResultJson, String annotationResultJson, ObjectMapper mapper) {
        try {
            return Optional.of(of(regions(mapper.readTree(servedResultJson)), regions(mapper.readTree(annotationResultJson))));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static PrelabelUse of(List<Shape> predicted, List<Shape> annotated) {
        List<Shape> unmatched = new ArrayList<>(annotated);
        int same = 0;
        int kept = 0;
        for (Shape p : predicted) {
            Optional<Shape> exact = unmatched.stream().filter(a -> a.sameControl(p) && a.labels.equals(p.labels) && a.samePlace(p)).findFirst();
            if (exact.isPresent()) {
                unmatched.remove(exact.get());
                same++;
                kept++;
            } else if (annotated.stream().anyMatch(a -> a.sameControl(p) && a.keeps(p))) {
                kept++;
            }
        }
        if (same == predicted.size() && unmatched.isEmpty()) {
            return ACCEPTED;
        }
        return kept > 0 ? EDITED : REPLACED;
    }

    private static List<Shape> regions(JsonNode result) {
        List<Shape> shapes = new ArrayList<>();
        for (JsonNode region : result) {
            String type = region.path("type").asText();
            JsonNode value = region.path("value");
            List<String> labels = new ArrayList<>();
            value.path(type).forEach(label -> labels.add(label.asText()));
            labels.sort(null);
            Optional<double[]> geometry = value.has("x") && value.has("y")
                    ? Optional.of(new double[] {value.path("x").asDouble(), value.path("y").asDouble(), value.path("width").asDouble(),
                        value.path("height").asDouble(), value.path("rotation").asDouble()})
                    : Optional.empty();
            String id = region.path("id").asText("");
            shapes.add(new Shape(id, region.path("from_name").asText(), type, labels, geometry));
        }
        return shapes;
    }

    /** A region's id (empty when it has none), control, type, sorted labels and, for shapes on the image, its place. */
    private record Shape(String id, String control, String type, List<String> labels, Optional<double[]> geometry) {

        /**
         * Whether this region is the annotator's version of {@code predicted}: the editor keeps a region's id through a
         * move or a relabel; without ids, a shape is kept by its place and a choice by a label it shares (tags: one
         * ticked or unticked keeps the others; a single choice shares a label only when it was not changed).
         */
        boolean keeps(Shape predicted) {
            if (!id.isEmpty() && id.equals(predicted.id)) {
                return true;
            }
            return geometry.isEmpty() ? !java.util.Collections.disjoint(labels, predicted.labels) : samePlace(predicted);
        }

        boolean sameControl(Shape other) {
            return control.equals(other.control) && type.equals(other.type);
        }

        boolean samePlace(Shape other) {
            if (geometry.isEmpty() || other.geometry.isEmpty()) {
                return geometry.isEmpty() && other.geometry.isEmpty();
            }
            double[] a = geometry.get();
            double[] b = other.geometry.get();
            for (int i = 0; i < a.length; i++) {
                if (Math.abs(a[i] - b[i]) > SAME_PLACE) {
                    return false;
                }
            }
            return true;
        }
    }
}
