package dev.flywheel.backend.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flywheel.backend.config.Secret;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabelStudioConnectionResolverTest {

    private final URI operatorUrl = URI.create("http://label-studio:8080");
    private final Secret operatorToken = new Secret("operator-token");

    @Test
    void theOperatorsUrlAndTokenWinOverWhatSetupSends() {
        LabelStudioConnectionResolver resolver = resolver(Optional.of(operatorUrl), Optional.of(operatorToken), List.of());

        LabelStudioConnection connection = resolver.resolve("http://localhost:8080", "setup-token").orElseThrow();

        assertThat(connection.baseUrl()).isEqualTo(operatorUrl);
        assertThat(connection.token()).contains(operatorToken);
    }

    @Test
    void aSetupTokenGoesToTheOperatorsUrlOnlyWhenSetupNamedThatSameOrigin() {
        LabelStudioConnectionResolver resolver = resolver(Optional.of(operatorUrl), Optional.empty(), List.of());

        LabelStudioConnection elsewhere = resolver.resolve("http://attacker.example:8080", "setup-token").orElseThrow();
        LabelStudioConnection otherScheme = resolver.resolve("https://label-studio:8080", "setup-token").orElseThrow();
        LabelStudioConnection same = resolver.resolve("http://LABEL-STUDIO:8080/", "setup-token").orElseThrow();

        assertThat(elsewhere.baseUrl()).isEqualTo(operatorUrl);
        assertThat(elsewhere.token()).isEmpty();
        assertThat(otherScheme.token()).isEmpty();
        assertThat(same.token().map(Secret::reveal)).contains("setup-token");
    }

    @Test
    void withoutAUrlTheOperatorsTokenGoesOnlyToListedHostsAndOthersGetTheirOwnSetupToken() {
        LabelStudioConnectionResolver resolver = resolver(Optional.empty(), Optional.of(operatorToken), List.of("ls.internal", "ls2.internal:8443"));

        assertThat(resolver.resolve("http://LS.internal:8080", "setup-token").orElseThrow().token()).contains(operatorToken);
        assertThat(resolver.resolve("https://ls2.internal:8443", null).orElseThrow().token()).contains(operatorToken);
        assertThat(resolver.resolve("https://ls2.internal", null).orElseThrow().token()).as("port 443 is not the listed 8443").isEmpty();
        LabelStudioConnection foreign = resolver.resolve("http://attacker.example", "attackers-token").orElseThrow();
        assertThat(foreign.baseUrl()).isEqualTo(URI.create("http://attacker.example"));
        assertThat(foreign.token().map(Secret::reveal)).contains("attackers-token");
        assertThat(resolver.resolve("http://attacker.example", null).orElseThrow().token()).isEmpty();
    }

    @Test
    void setupAloneIsEnoughAndATrailingSlashIsDropped() {
        LabelStudioConnectionResolver resolver = resolver(Optional.empty(), Optional.empty(), List.of());

        LabelStudioConnection connection = resolver.resolve("http://ls.example:8080/", " ").orElseThrow();

        assertThat(connection.baseUrl()).isEqualTo(URI.create("http://ls.example:8080"));
        assertThat(connection.token()).isEmpty();
    }

    @Test
    void noUsableUrlAnywhereMeansNoConnection() {
        LabelStudioConnectionResolver resolver = resolver(Optional.empty(), Optional.of(operatorToken), List.of("localhost"));

        assertThat(resolver.resolve(null, "t")).isEmpty();
        assertThat(resolver.resolve("localhost:8080", "t")).isEmpty();
        assertThat(resolver.resolve("ftp://ls.example", "t")).isEmpty();
    }

    @Test
    void aResolvedConnectionNeverPrintsItsToken() {
        LabelStudioConnectionResolver resolver = resolver(Optional.of(operatorUrl), Optional.of(operatorToken), List.of());

        assertThat(resolver.resolve(null, null).orElseThrow().toString()).doesNotContain("operator-token");
        assertThat(resolver.configured().orElseThrow().token()).contains(operatorToken);
    }

    private static LabelStudioConnectionResolver resolver(Optional<URI> url, Optional<Secret> token, List<String> hosts) {
        return new LabelStudioConnectionResolver(url, token, hosts);
    }
}
