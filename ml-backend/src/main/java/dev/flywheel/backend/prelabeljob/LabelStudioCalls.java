package dev.flywheel.backend.prelabeljob;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.image.ImageFetchException;
import dev.flywheel.backend.image.LabelStudioConnection;
import dev.flywheel.backend.image.LabelStudioRequests;
import dev.flywheel.backend.labelstudio.JsonAnswer;
import java.util.Objects;
import java.util.concurrent.Semaphore;

/**
 * A job's calls to Label Studio's API: through the image package's requests (so the token goes to Label Studio only),
 * at most {@link #IN_FLIGHT} at a time, and with each failure sorted into "wait and retry" or "give up".
 */
final class LabelStudioCalls {

    /** Requests to Label Studio's API a job's parts may have open at once. */
    static final int IN_FLIGHT = 2;
    private static final long MAX_ANSWER_BYTES = 64L * 1024 * 1024;

    private final LabelStudioRequests requests;
    private final LabelStudioConnection labelStudio;
    private final ObjectMapper mapper;
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);

    LabelStudioCalls(LabelStudioRequests requests, LabelStudioConnection labelStudio, ObjectMapper mapper) {
        this.requests = Objects.requireNonNull(requests, "requests");
        this.labelStudio = Objects.requireNonNull(labelStudio, "labelStudio");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** The JSON answer to a GET of {@code what}. */
    JsonNode get(String pathAndQuery, String what) {
        return json(call(() -> requests.getJson(labelStudio, pathAndQuery, MAX_ANSWER_BYTES), what), what);
    }

    /** The JSON answer to a POST of {@code body} for {@code what}. */
    JsonNode post(String pathAndQuery, byte[] body, String what) {
        return json(call(() -> requests.postJson(labelStudio, pathAndQuery, body, MAX_ANSWER_BYTES), what), what);
    }

    private byte[] call(java.util.function.Supplier<byte[]> request, String what) {
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabelStudioDownException("interrupted before " + what, e);
        }
        try {
            return request.get();
        } catch (ImageFetchException e) {
            throw sorted(e, what);
        } finally {
            inFlight.release();
        }
    }

    /** Unreachable, 5xx and 429 pass; anything else (401, 403, 400, 404) will not change by waiting. */
    static RuntimeException sorted(ImageFetchException e, String what) {
        int status = e.httpStatus().orElse(0);
        // The exception's message is ours: a path and a status, never the token.
        String message = what + " in Label Studio failed: " + e.getMessage();
        if (e.kind() == ImageFetchException.Kind.UNREACHABLE || status >= 500 || status == 429) {
            return new LabelStudioDownException(message, e);
        }
        return new JobFailedException(message, e);
    }

    private JsonNode json(byte[] body, String what) {
        // A proxy's HTML error page in front of Label Studio: it is not Label Studio answering yet.
        return JsonAnswer.of(mapper, body).orElseThrow(() -> new LabelStudioDownException("Label Studio's answer to " + what + " is not JSON", null));
    }
}
