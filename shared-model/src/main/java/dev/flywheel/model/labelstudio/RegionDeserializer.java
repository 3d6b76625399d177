package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.Map;

/**
 * Reads a {@link Region} by looking at its {@code type} first; unknown or missing types become
 * {@link UnknownRegion}, so a new Label Studio control never breaks a whole request.
 */
final class RegionDeserializer extends StdDeserializer<Region> {

    private static final Map<String, Class<? extends Region>> BY_TYPE = Map.of(
            ChoicesRegion.TYPE, ChoicesRegion.class,
            RectangleLabelsRegion.TYPE, RectangleLabelsRegion.class,
            RectangleRegion.TYPE, RectangleRegion.class,
            LabelsRegion.TYPE, LabelsRegion.class,
            PolygonLabelsRegion.TYPE, PolygonLabelsRegion.class,
            KeyPointLabelsRegion.TYPE, KeyPointLabelsRegion.class,
            BrushLabelsRegion.TYPE, BrushLabelsRegion.class,
            EllipseLabelsRegion.TYPE, EllipseLabelsRegion.class);

    RegionDeserializer() {
        super(Region.class);
    }

    @Override
    public Region deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = ctxt.readTree(p);
        if (!node.isObject()) {
            return ctxt.reportInputMismatch(Region.class, "a result region must be a JSON object, was %s", node.getNodeType());
        }
        JsonNode type = node.get("type");
        Class<? extends Region> target = type != null && type.isTextual()
                ? BY_TYPE.getOrDefault(type.asText(), UnknownRegion.class)
                : UnknownRegion.class;
        return ctxt.readTreeAsValue(node, target);
    }
}
