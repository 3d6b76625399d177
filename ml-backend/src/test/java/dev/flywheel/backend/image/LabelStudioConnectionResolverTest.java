package dev.flywheel.backend.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywheel.backend.config.Secret;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabelStudioConnectionResolverTest {

    private final URI operatorUrl = URI.create("http://label-studio:8080");
    private final Secret operatorToken = new Secret("operator-token");

    @Test
    void theOperatorsUrlAndTokenWinOverWhatSetupSends() {
        LabelStudioConnectionResolver resolver = new LabelStudioConnectionResolver(Optional.of(operatorUrl), Optional.of(operatorToken));

        LabelStudioConnection connection = resolver.resolve("http://localhost:8080", "setup-token").orElseThrow();

        assertThat(connection.baseUrl()).isEqualTo(operatorUrl);
        assertThat(connection.token()).contains(operatorToken);
    }

    @Test
    void setupFillsInWhatTheOperatorLeftUnset() {
        LabelStudioConnectionResolver resolver = new LabelStudioConnectionResolver(Optional.of(operatorUrl), Optional.empty());

        LabelStudioConnection connection = resolver.resolve("http://localhost:8080", "setup-token").orElseThrow();

        assertThat(connection.baseUrl()).isEqualTo(operatorUrl);
        assertThat(connection.token().map(Secret::reveal)).contains("setup-token");
    }

    @Test
    void setupAloneIsEnoughAndATrailingSlashIsDropped() {
        LabelStudioConnectionResolver resolver = new LabelStudioConnectionResolver(Optional.empty(), Optional.empty());

        LabelStudioConnection connection = resolver.resolve("http://ls.example:8080/", " ").orElseThrow();

        assertThat(connection.baseUrl()).isEqualTo(URI.create("http://ls.example:8080"));
        assertThat(connection.token()).isEmpty();
    }

    @Test
    void noUsableUrlAnywhereMeansNoConnection() {
        LabelStudioConnectionResolver resolver = new LabelStudioConnectionResolver(Optional.empty(), Optional.of(operatorToken));

        assertThat(resolver.resolve(null, "t")).isEmpty();
        assertThat(resolver.resolve("localhost:8080", "t")).isEmpty();
        assertThat(resolver.resolve("ftp://ls.example", "t")).isEmpty();
    }

    @Test
    void aResolvedConnectionNeverPrintsItsToken() {
        LabelStudioConnectionResolver resolver = new LabelStudioConnectionResolver(Optional.of(operatorUrl), Optional.of(operatorToken));

        assertThat(resolver.resolve(null, null).orElseThrow().toString()).doesNotContain("operator-token");
    }
}
