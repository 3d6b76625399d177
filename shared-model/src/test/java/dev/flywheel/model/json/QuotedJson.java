package dev.flywheel.model.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON that tests write with single quotes (so it needs no escaping in Java strings), read with Flywheel's mapper as
 * the double-quoted JSON it stands for.
 */
public final class QuotedJson {

    /** Flywheel's mapper, as the records are read and written in production. */
    public static final ObjectMapper MAPPER = FlywheelJson.newMapper();

    private QuotedJson() {}

    /** The JSON text {@code singleQuoted} stands for. */
    public static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    public static JsonNode tree(String singleQuoted) throws JsonProcessingException {
        return MAPPER.readTree(json(singleQuoted));
    }

    public static <T> T read(String singleQuoted, Class<T> type) throws JsonProcessingException {
        return MAPPER.readValue(json(singleQuoted), type);
    }
}
