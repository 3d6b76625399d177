package dev.flywheel.backend.labelstudio;

import dev.flywheel.backend.image.ImageFetchException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls a Label Studio request again after transient failures, waiting as the {@link Backoff} says. */
final class Retrying {

    private static final Logger LOG = LoggerFactory.getLogger(Retrying.class);

    private final Backoff backoff;

    Retrying(Backoff backoff) {
        this.backoff = backoff;
    }

    <T> T call(String what, Supplier<T> request) {
        for (int attempt = 1; ; attempt++) {
            try {
                return request.get();
            } catch (ImageFetchException e) {
                if (!worthRetrying(e) || attempt >= backoff.attempts()) {
                    String tries = attempt > 1 ? " (after " + attempt + " attempts)" : "";
                    throw new LabelStudioUnavailableException("reading " + what + " from Label Studio failed: " + e.getMessage() + tries, e);
                }
                // The exception's message is ours and token-free; still, log the kind, not the whole chain.
                LOG.info("reading {} from Label Studio failed ({}), try {} of {}", what, e.kind(), attempt, backoff.attempts());
                pause(backoff, attempt, what);
            }
        }
    }

    private static boolean worthRetrying(ImageFetchException e) {
        if (e.kind() == ImageFetchException.Kind.UNREACHABLE) {
            return true;
        }
        int status = e.httpStatus().orElse(0);
        return status >= 500 || status == 429;
    }

    private static void pause(Backoff backoff, int attempt, String what) {
        try {
            Thread.sleep(backoff.delayAfter(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabelStudioUnavailableException("interrupted while waiting to retry reading " + what, e);
        }
    }
}
