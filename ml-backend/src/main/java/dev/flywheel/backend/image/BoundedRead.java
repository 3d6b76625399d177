package dev.flywheel.backend.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a stream to the end but never more than a limit, whatever the sender declared. */
final class BoundedRead {

    private BoundedRead() {}

    /** All bytes of {@code in}, or {@link ImageFetchException.Kind#TOO_LARGE} as soon as more than {@code limit} arrive. */
    static byte[] bytes(InputStream in, long limit, String what) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long total = 0;
        try (in) {
            for (int n; (n = in.read(buffer)) != -1; ) {
                total += n;
                if (total > limit) {
                    throw tooLarge(what, limit);
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    static ImageFetchException tooLarge(String what, long limit) {
        return new ImageFetchException(ImageFetchException.Kind.TOO_LARGE, what + " is larger than the limit of " + limit + " bytes");
    }
}
