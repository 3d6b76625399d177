package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.Map;

/**
 * Reads {@code extra_params}, which Label Studio sends as a JSON object or as JSON text inside a string
 * (the "Extra params" box of the connect form); an empty string means none.
 */
final class ExtraParamsDeserializer extends StdDeserializer<Map<String, Object>> {

    ExtraParamsDeserializer() {
        super(Map.class);
    }

    @Override
    public Map<String, Object> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JavaType mapType = ctxt.getTypeFactory().constructMapType(Map.class, String.class, Object.class);
        if (!p.hasToken(JsonToken.VALUE_STRING)) {
            return ctxt.readValue(p, mapType);
        }
        String text = p.getText();
        if (text.isBlank()) {
            return null;
        }
        try (JsonParser inner = p.getCodec().getFactory().createParser(text)) {
            if (inner.nextToken() != JsonToken.START_OBJECT) {
                return ctxt.reportInputMismatch(mapType, "extra_params must be a JSON object, was: %s", text);
            }
            return ctxt.readValue(inner, mapType);
        }
    }
}
