package dev.flywheel.backend.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/** Label lists as JSON arrays of strings in one text column, the same on SQLite and PostgreSQL. */
final class LabelsJson {

    private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

    private final ObjectMapper mapper = new ObjectMapper();

    String write(List<String> labels) {
        try {
            return mapper.writeValueAsString(labels);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serialises", e);
        }
    }

    List<String> read(String json) {
        try {
            return List.copyOf(mapper.readValue(json, LIST));
        } catch (JsonProcessingException e) {
            throw new StoreException("stored labels are not a JSON array of strings: " + json, e);
        }
    }
}
