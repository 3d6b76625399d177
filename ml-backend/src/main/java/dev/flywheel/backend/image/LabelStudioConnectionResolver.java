package dev.flywheel.backend.image;

import dev.flywheel.backend.config.BackendConfig;
import dev.flywheel.backend.config.Secret;
import dev.flywheel.backend.project.ProjectConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides which Label Studio URL and token to use, so that each secret goes only to the host it belongs to.
 *
 * <p>The operator's {@code LABEL_STUDIO_URL} wins over the {@code hostname} a {@code /setup} sends, because that
 * hostname is often {@code http://localhost:8080} as seen from Label Studio's own container, and because anyone who
 * can reach {@code /setup} can send one. The operator's {@code LABEL_STUDIO_API_KEY} goes to {@code LABEL_STUDIO_URL}
 * only, or, without a URL, only to a {@code /setup} hostname the operator listed in {@code FLYWHEEL_LABEL_STUDIO_HOSTS}.
 * The {@code access_token} a {@code /setup} sends goes only to that same {@code /setup}'s hostname.
 */
public final class LabelStudioConnectionResolver {

    private final Optional<URI> configuredUrl;
    private final Optional<Secret> configuredToken;
    private final List<String> tokenHosts;

    /**
     * A resolver over the operator's settings.
     *
     * @param configuredUrl {@code LABEL_STUDIO_URL}
     * @param configuredToken {@code LABEL_STUDIO_API_KEY}
     * @param tokenHosts {@code FLYWHEEL_LABEL_STUDIO_HOSTS}: {@code host} or {@code host:port}, where the token may go
     *     when there is no URL
     */
    LabelStudioConnectionResolver(Optional<URI> configuredUrl, Optional<Secret> configuredToken, List<String> tokenHosts) {
        this.configuredUrl = Objects.requireNonNull(configuredUrl, "configuredUrl");
        this.configuredToken = Objects.requireNonNull(configuredToken, "configuredToken");
        this.tokenHosts = tokenHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }

    /** A resolver over the backend's configuration. */
    public static LabelStudioConnectionResolver from(BackendConfig config) {
        return new LabelStudioConnectionResolver(config.labelStudioUrl(), config.labelStudioToken(), config.labelStudioHosts());
    }

    /** The operator's own Label Studio, when {@code LABEL_STUDIO_URL} is set: what the start-up check looks at. */
    public Optional<LabelStudioConnection> configured() {
        return configuredUrl.map(url -> new LabelStudioConnection(url, configuredToken));
    }

    /**
     * The connection to use, or empty when no URL is known at all.
     *
     * @param setupHostname {@code hostname} from the last {@code /setup}, may be null or blank or not a URL
     * @param setupAccessToken {@code access_token} from the last {@code /setup}, may be null or blank
     */
    public Optional<LabelStudioConnection> resolve(String setupHostname, String setupAccessToken) {
        Optional<URI> setupUrl = parseHttpUrl(setupHostname);
        Optional<Secret> setupToken = isBlank(setupAccessToken) ? Optional.empty() : Optional.of(new Secret(setupAccessToken.trim()));
        if (configuredUrl.isPresent()) {
            URI url = configuredUrl.get();
            Optional<Secret> token = configuredToken.or(() -> setupUrl.filter(u -> sameOrigin(u, url)).flatMap(u -> setupToken));
            return Optional.of(new LabelStudioConnection(url, token));
        }
        return setupUrl.map(url -> new LabelStudioConnection(url, configuredToken.filter(t -> listed(url)).or(() -> setupToken)));
    }

    /** The connection for a project, from what its last {@code /setup} said (if anything) and the operator's settings. */
    public Optional<LabelStudioConnection> resolve(Optional<ProjectConnection> setup) {
        return resolve(setup.flatMap(ProjectConnection::hostname).orElse(null),
                setup.flatMap(ProjectConnection::accessToken).map(Secret::reveal).orElse(null));
    }

    private boolean listed(URI url) {
        String host = url.getHost().toLowerCase(Locale.ROOT);
        String withPort = host + ":" + port(url);
        return tokenHosts.contains(host) || tokenHosts.contains(withPort);
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI url) {
        if (url.getPort() >= 0) {
            return url.getPort();
        }
        return "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }

    private static Optional<URI> parseHttpUrl(String raw) {
        if (isBlank(raw)) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(raw.trim());
            String scheme = uri.getScheme();
            boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
            return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
