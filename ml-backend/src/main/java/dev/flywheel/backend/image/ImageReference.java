package dev.flywheel.backend.image;

import static dev.flywheel.backend.image.ImageFetchException.Kind.UNSUPPORTED_REFERENCE;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import okhttp3.HttpUrl;

/** The forms a task's image reference takes in Label Studio, parsed from the raw string. */
sealed interface ImageReference {

    /** A {@code data:} URI; only the part after the comma is kept, still base64-encoded. */
    record Inline(String base64) implements ImageReference {}

    /** A Label Studio upload: {@code filepath} like {@code upload/3/a.jpg}, {@code dataPath} like {@code /data/upload/3/a.jpg}. */
    record Upload(String filepath, String dataPath) implements ImageReference {}

    /** A Label Studio local-storage file, {@code relativePath} relative to {@code LOCAL_FILES_DOCUMENT_ROOT}. */
    record LocalFile(String relativePath, String dataPath) implements ImageReference {}

    /** A cloud-storage URI Label Studio presigns: {@code s3://}, {@code gs://}, {@code azure-blob://}. */
    record Cloud(String uri) implements ImageReference {}

    /** Any other path on Label Studio, e.g. {@code /tasks/1/presign/?fileuri=…}. */
    record LabelStudioPath(String pathAndQuery) implements ImageReference {}

    /** An absolute http(s) URL. */
    record Absolute(HttpUrl url) implements ImageReference {}

    static ImageReference parse(String raw) {
        String ref = raw.strip();
        String lower = ref.toLowerCase(Locale.ROOT);
        if (lower.startsWith("data:")) {
            int comma = ref.indexOf(',');
            if (comma < 0 || !lower.substring(0, comma).endsWith(";base64")) {
                throw unsupported("a data: URI must be base64-encoded");
            }
            return new Inline(ref.substring(comma + 1));
        }
        if (lower.startsWith("s3://") || lower.startsWith("gs://") || lower.startsWith("azure-blob://")) {
            return new Cloud(ref);
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            HttpUrl url = HttpUrl.parse(ref);
            if (url == null) {
                throw unsupported("not a valid URL: " + Redaction.describe(ref));
            }
            return new Absolute(url);
        }
        if (ref.startsWith("upload/")) {
            return upload("/data/" + ref);
        }
        if (ref.startsWith("/") && !ref.startsWith("//")) {
            if (ref.startsWith("/data/upload/")) {
                return upload(ref);
            }
            if (ref.startsWith("/data/local-files/") || ref.startsWith("/data/local-files?")) {
                String relative = HttpUrl.get("http://ls.invalid" + ref).queryParameter("d");
                if (relative == null || relative.isBlank()) {
                    throw unsupported("a /data/local-files/ reference needs a ?d= parameter");
                }
                return new LocalFile(relative, ref);
            }
            return new LabelStudioPath(ref);
        }
        throw unsupported("unsupported image reference " + Redaction.describe(ref)
                + "; Flywheel reads http(s), data:, s3://, gs://, azure-blob:// and Label Studio paths");
    }

    private static Upload upload(String dataPath) {
        String path = dataPath.split("[?#]", 2)[0];
        String filepath = URLDecoder.decode(path.substring("/data/".length()).replace("+", "%2B"), StandardCharsets.UTF_8);
        return new Upload(filepath, path);
    }

    private static ImageFetchException unsupported(String message) {
        return new ImageFetchException(UNSUPPORTED_REFERENCE, message);
    }
}
