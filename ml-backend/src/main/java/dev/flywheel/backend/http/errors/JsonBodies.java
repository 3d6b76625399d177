package dev.flywheel.backend.http.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads request bodies into records, turning every way a body can be wrong into a 400 that names the field.
 */
public final class JsonBodies {

    private final ObjectMapper mapper;

    public JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public <T> T read(Context ctx, Class<T> type) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw ApiException.badRequest("empty_body", "the request needs a JSON body");
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (IOException e) {
            String why = e instanceof JsonProcessingException json ? json.getOriginalMessage() : "unreadable";
            throw ApiException.badRequest("malformed_json", "the request body is not valid JSON: " + why);
        }
        if (tree == null || !tree.isObject()) {
            throw ApiException.badRequest("invalid_body", "the request body must be a JSON object");
        }
        try {
            T value = mapper.treeToValue(tree, type);
            if (value == null) {
                throw ApiException.badRequest("invalid_body", "the request body must be a JSON object, not null");
            }
            return value;
        } catch (ValueInstantiationException e) {
            String detail = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getOriginalMessage();
            throw new ApiException(400, "invalid_field", detail, fields(e, detail));
        } catch (JsonMappingException e) {
            throw new ApiException(400, "invalid_field", e.getOriginalMessage(), fields(e, e.getOriginalMessage()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_body", "the request body does not fit: " + e.getMessage());
        }
    }

    private static Map<String, String> fields(JsonMappingException e, String detail) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? Map.of() : Map.of(path, detail == null ? "invalid" : detail);
    }
}
