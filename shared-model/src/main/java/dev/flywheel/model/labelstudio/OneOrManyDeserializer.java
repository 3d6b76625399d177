package dev.flywheel.model.labelstudio;

import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.List;

/** Reads a {@link OneOrMany}: an array becomes many items, anything else one item of the declared type. */
final class OneOrManyDeserializer extends StdDeserializer<OneOrMany<Object>> implements ContextualDeserializer {

    private final JavaType itemType;

    OneOrManyDeserializer() {
        this(null);
    }

    private OneOrManyDeserializer(JavaType itemType) {
        super(OneOrMany.class);
        this.itemType = itemType;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
        JavaType declared = ctxt.getContextualType();
        if (declared == null && property != null) {
            declared = property.getType();
        }
        JavaType item = declared == null ? ctxt.constructType(Object.class) : declared.containedTypeOrUnknown(0);
        return new OneOrManyDeserializer(item);
    }

    @Override
    public OneOrMany<Object> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JavaType item = itemType == null ? ctxt.constructType(Object.class) : itemType;
        if (p.isExpectedStartArrayToken()) {
            List<Object> items = ctxt.readValue(p, ctxt.getTypeFactory().constructCollectionType(List.class, item));
            return OneOrMany.many(items);
        }
        Object one = ctxt.readValue(p, item);
        return OneOrMany.one(one);
    }
}
