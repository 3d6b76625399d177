package dev.flywheel.backend.labelstudio;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.model.labelstudio.Task;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads Label Studio's JSON export, a list of tasks, one task at a time from the stream, in batches. */
final class ExportStream {

    private ExportStream() {}

    /** Hands every readable task to {@code batches}, {@link LabelStudioClient#BATCH} at a time; answers how many were read. */
    static int read(JsonParser parser, ObjectMapper mapper, String what, Consumer<List<Task>> batches) throws IOException {
        JsonToken first;
        try {
            first = parser.nextToken();
        } catch (JsonProcessingException e) {
            throw new LabelStudioUnavailableException("Label Studio's answer for " + what + " is not JSON", null);
        }
        if (first != JsonToken.START_ARRAY) {
            throw new LabelStudioUnavailableException("Label Studio's " + what + " is not a JSON list of tasks", null);
        }
        List<Task> batch = new ArrayList<>(LabelStudioClient.BATCH);
        int read = 0;
        int unreadable = 0;
        try {
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode item = mapper.readTree(parser);
                try {
                    batch.add(mapper.treeToValue(item, Task.class));
                    read++;
                } catch (IOException | IllegalArgumentException e) {
                    // One odd task (a region type we cannot read, a negative number) must not cost all the others.
                    unreadable++;
                }
                if (batch.size() == LabelStudioClient.BATCH) {
                    batches.accept(List.copyOf(batch));
                    batch.clear();
                }
            }
        } catch (JsonProcessingException e) {
            throw new LabelStudioUnavailableException("Label Studio's " + what + " broke off or is not valid JSON after " + read
                    + " tasks", null);
        }
        if (!batch.isEmpty()) {
            batches.accept(List.copyOf(batch));
        }
        if (unreadable > 0 && read == 0) {
            throw new LabelStudioUnavailableException("none of the " + unreadable + " tasks in " + what + " could be read", null);
        }
        return read;
    }
}
