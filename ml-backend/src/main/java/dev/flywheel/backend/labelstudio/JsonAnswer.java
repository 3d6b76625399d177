package dev.flywheel.backend.labelstudio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;

/** Reads an answer of Label Studio's API as JSON, for every caller of it that must tell JSON from anything else. */
public final class JsonAnswer {

    private JsonAnswer() {}

    /**
     * The answer's JSON tree; empty when the body is empty or not JSON (a proxy's HTML error page in front of Label
     * Studio), which each caller reports as Label Studio not answering.
     */
    public static Optional<JsonNode> of(ObjectMapper mapper, byte[] body) {
        try {
            return Optional.ofNullable(mapper.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
