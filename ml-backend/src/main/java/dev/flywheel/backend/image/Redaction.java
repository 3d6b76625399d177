package dev.flywheel.backend.image;

import java.util.Locale;
import okhttp3.HttpUrl;

/** Short descriptions of references and URLs for error messages, without query strings that may carry signatures. */
final class Redaction {

    private static final int MAX_LENGTH = 200;

    private Redaction() {}

    static String describe(String reference) {
        String lower = reference.toLowerCase(Locale.ROOT);
        if (lower.startsWith("data:")) {
            return "a data: URI";
        }
        HttpUrl url = HttpUrl.parse(reference);
        if (url != null) {
            return describe(url);
        }
        String shown = reference.split("[?#]", 2)[0];
        return "'" + (shown.length() > MAX_LENGTH ? shown.substring(0, MAX_LENGTH) + "…" : shown) + "'";
    }

    /** Scheme, host, port and path; the query is dropped because presigned URLs carry credentials there. */
    static String describe(HttpUrl url) {
        String shown = url.scheme() + "://" + url.host() + ":" + url.port() + url.encodedPath();
        return shown.length() > MAX_LENGTH ? shown.substring(0, MAX_LENGTH) + "…" : shown;
    }
}
