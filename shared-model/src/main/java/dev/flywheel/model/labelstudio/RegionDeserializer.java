package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Reads a {@link Region} by looking at its {@code type} first: a modelled one is read as its {@link RegionHeader} and
 * its control's {@code value}; unknown or missing types become {@link UnknownRegion}, so a new Label Studio control
 * never breaks a whole request.
 */
final class RegionDeserializer extends StdDeserializer<Region> {

    /** How a modelled region of one type is made from its parts. */
    private record Modeled<V>(Class<? extends ModeledRegion> region, Class<V> valueType, BiFunction<RegionHeader, V, ModeledRegion> create) {

        ModeledRegion read(RegionHeader header, JsonNode value, DeserializationContext ctxt) throws IOException {
            return create.apply(header, value == null || value.isNull() ? null : ctxt.readTreeAsValue(value, valueType));
        }
    }

    private static final Map<String, Modeled<?>> BY_TYPE = Map.of(
            "choices", new Modeled<>(ChoicesRegion.class, ChoicesRegion.Value.class, ChoicesRegion::new),
            "rectanglelabels", new Modeled<>(RectangleLabelsRegion.class, RectangleLabelsRegion.Value.class, RectangleLabelsRegion::new),
            "rectangle", new Modeled<>(RectangleRegion.class, RectangleRegion.Value.class, RectangleRegion::new),
            "labels", new Modeled<>(LabelsRegion.class, LabelsRegion.Value.class, LabelsRegion::new),
            "polygonlabels", new Modeled<>(PolygonLabelsRegion.class, PolygonLabelsRegion.Value.class, PolygonLabelsRegion::new),
            "keypointlabels", new Modeled<>(KeyPointLabelsRegion.class, KeyPointLabelsRegion.Value.class, KeyPointLabelsRegion::new),
            "brushlabels", new Modeled<>(BrushLabelsRegion.class, BrushLabelsRegion.Value.class, BrushLabelsRegion::new),
            "ellipselabels", new Modeled<>(EllipseLabelsRegion.class, EllipseLabelsRegion.Value.class, EllipseLabelsRegion::new));

    private static final Map<Class<?>, String> TYPES = BY_TYPE.entrySet().stream()
            .collect(java.util.stream.Collectors.toUnmodifiableMap(e -> e.getValue().region(), Map.Entry::getKey));

    RegionDeserializer() {
        super(Region.class);
    }

    /** The wire {@code type} of a modelled region. */
    static String typeOf(ModeledRegion region) {
        return TYPES.get(region.getClass());
    }

    @Override
    public Region deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = ctxt.readTree(p);
        if (!(node instanceof ObjectNode object)) {
            return ctxt.reportInputMismatch(Region.class, "a result region must be a JSON object, was %s", node.getNodeType());
        }
        JsonNode type = object.get("type");
        Modeled<?> modeled = type != null && type.isTextual() ? BY_TYPE.get(type.asText()) : null;
        if (modeled == null) {
            return ctxt.readTreeAsValue(object, UnknownRegion.class);
        }
        ObjectNode header = object.deepCopy();
        header.remove("type");
        JsonNode value = header.remove("value");
        try {
            return modeled.read(ctxt.readTreeAsValue(header, RegionHeader.class), value, ctxt);
        } catch (IllegalArgumentException | NullPointerException e) {
            return ctxt.reportInputMismatch(Region.class, "a %s region is invalid: %s", type.asText(), e.getMessage());
        }
    }
}
