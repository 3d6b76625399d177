package dev.flywheel.backend.http.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads request bodies into records, turning every way a body can be wrong into a 400 that names the field.
 *
 * <p>Details speak JSON ("must be a string"), never Java: Jackson's own messages name our classes and types, which
 * tell a caller nothing useful and an attacker something.
 */
public final class JsonBodies {

    private final ObjectMapper mapper;
    private final ObjectReader treeReader;

    public JsonBodies(ObjectMapper mapper) {
        this.mapper = mapper;
        // Trailing tokens mean a client concatenated or truncated something: refuse rather than read the first value.
        this.treeReader = mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public <T> T read(Context ctx, Class<T> type) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0) {
            throw ApiException.badRequest("empty_body", "the request needs a JSON body");
        }
        JsonNode tree;
        try {
            tree = treeReader.readTree(body);
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
            // Our records validate in their compact constructors with IllegalArgumentException and a sentence for people.
            String detail = e.getCause() instanceof IllegalArgumentException invalid && invalid.getMessage() != null
                    ? invalid.getMessage()
                    : "a required value is missing, null or out of range";
            throw new ApiException(400, "invalid_field", detail, fields(e, detail));
        } catch (MismatchedInputException e) {
            String path = path(e);
            String detail = (path.isEmpty() ? "the body" : "'" + path + "'") + " must be " + jsonKind(e.getTargetType());
            throw new ApiException(400, "invalid_field", detail, fields(e, detail));
        } catch (JsonMappingException e) {
            String path = path(e);
            String detail = (path.isEmpty() ? "the body" : "'" + path + "'") + " does not have the expected shape";
            throw new ApiException(400, "invalid_field", detail, fields(e, detail));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ApiException.badRequest("invalid_body", "the request body does not have the expected shape");
        }
    }

    /** The JSON type a Java target reads from, in the words of a JSON document. */
    static String jsonKind(Class<?> target) {
        if (target == null) {
            return "of another type";
        }
        if (CharSequence.class.isAssignableFrom(target) || target.isEnum()) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
            return "a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static Map<String, String> fields(JsonMappingException e, String detail) {
        String path = path(e);
        return path.isEmpty() ? Map.of() : Map.of(path, detail == null ? "invalid" : detail);
    }
}
