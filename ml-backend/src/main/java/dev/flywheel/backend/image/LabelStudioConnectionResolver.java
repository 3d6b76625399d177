package dev.flywheel.backend.image;

import dev.flywheel.backend.config.BackendConfig;
import dev.flywheel.backend.config.Secret;
import dev.flywheel.backend.project.ProjectConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides which Label Studio URL and token to use: the operator's {@code LABEL_STUDIO_URL} and
 * {@code LABEL_STUDIO_API_KEY} win over the {@code hostname} and {@code access_token} that {@code /setup} sends.
 *
 * <p>The operator wins because {@code /setup}'s hostname is often {@code http://localhost:8080} as seen from
 * Label Studio's own container, and its token is the project creator's legacy token, which organisations
 * may have disabled.
 */
public final class LabelStudioConnectionResolver {

    private final Optional<URI> configuredUrl;
    private final Optional<Secret> configuredToken;

    /** A resolver over the operator's settings, either of which may be absent. */
    public LabelStudioConnectionResolver(Optional<URI> configuredUrl, Optional<Secret> configuredToken) {
        this.configuredUrl = Objects.requireNonNull(configuredUrl, "configuredUrl");
        this.configuredToken = Objects.requireNonNull(configuredToken, "configuredToken");
    }

    /** A resolver over the backend's configuration. */
    public static LabelStudioConnectionResolver from(BackendConfig config) {
        return new LabelStudioConnectionResolver(config.labelStudioUrl(), config.labelStudioToken());
    }

    /**
     * The connection to use, or empty when no URL is known at all.
     *
     * @param setupHostname {@code hostname} from the last {@code /setup}, may be null or blank or not a URL
     * @param setupAccessToken {@code access_token} from the last {@code /setup}, may be null or blank
     */
    public Optional<LabelStudioConnection> resolve(String setupHostname, String setupAccessToken) {
        Optional<URI> url = configuredUrl.or(() -> parseHttpUrl(setupHostname));
        Optional<Secret> token = configuredToken.or(() -> isBlank(setupAccessToken)
                ? Optional.empty()
                : Optional.of(new Secret(setupAccessToken.trim())));
        return url.map(u -> new LabelStudioConnection(u, token));
    }

    /** The connection for a project, from what its last {@code /setup} said (if anything) and the operator's settings. */
    public Optional<LabelStudioConnection> resolve(Optional<ProjectConnection> setup) {
        return resolve(setup.flatMap(ProjectConnection::hostname).orElse(null),
                setup.flatMap(ProjectConnection::accessToken).map(Secret::reveal).orElse(null));
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
