package dev.flywheel.backend.image;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
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

    /** {@code in}, failing with {@link ImageFetchException.Kind#TOO_LARGE} as soon as more than {@code limit} bytes are read. */
    static InputStream limited(InputStream in, long limit, String what) {
        return new FilterInputStream(in) {
            private long total;

            @Override
            public int read() throws IOException {
                int b = super.read();
                count(b < 0 ? 0 : 1);
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                count(Math.max(n, 0));
                return n;
            }

            private void count(int n) {
                total += n;
                if (total > limit) {
                    throw tooLarge(what, limit);
                }
            }
        };
    }

    static ImageFetchException tooLarge(String what, long limit) {
        return new ImageFetchException(ImageFetchException.Kind.TOO_LARGE, what + " is larger than the limit of " + limit + " bytes");
    }
}
