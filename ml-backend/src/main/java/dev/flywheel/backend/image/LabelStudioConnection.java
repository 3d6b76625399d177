package dev.flywheel.backend.image;

import dev.flywheel.backend.config.Secret;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Where Label Studio is and how to authenticate to it: the base URL media paths are resolved against and
 * an optional legacy token or personal access token.
 *
 * @param baseUrl Label Studio's http(s) base URL; a path prefix ({@code http://host/ls}) is kept
 * @param token legacy API token or personal access token (a JWT refresh token), when known
 */
public record LabelStudioConnection(URI baseUrl, Optional<Secret> token) {

    public LabelStudioConnection {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(token, "token");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("Label Studio's URL must be http(s) with a host, was " + baseUrl);
        }
        String text = baseUrl.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        baseUrl = URI.create(text);
    }

    /** A connection without a token, for Label Studio instances that serve media anonymously. */
    static LabelStudioConnection anonymous(URI baseUrl) {
        return new LabelStudioConnection(baseUrl, Optional.empty());
    }

    /** A connection with a token. */
    public static LabelStudioConnection withToken(URI baseUrl, Secret token) {
        return new LabelStudioConnection(baseUrl, Optional.of(token));
    }

    /** Label Studio's URL for a path starting with {@code /}, keeping any path prefix of the base URL. */
    HttpUrl url(String pathAndQuery) {
        HttpUrl url = HttpUrl.parse(baseUrl + pathAndQuery);
        if (url == null) {
            throw new ImageFetchException(ImageFetchException.Kind.UNSUPPORTED_REFERENCE,
                    "cannot build a Label Studio URL for " + pathAndQuery);
        }
        return url;
    }

    /** Whether {@code url} is Label Studio itself (same scheme, host and port): only then does it get the token. */
    boolean isSameOrigin(HttpUrl url) {
        HttpUrl base = HttpUrl.get(baseUrl.toString());
        return base.scheme().equals(url.scheme()) && base.host().equalsIgnoreCase(url.host()) && base.port() == url.port();
    }
}
