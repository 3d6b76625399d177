package dev.flywheel.backend.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed reads of environment variables, with fallbacks to older names. */
final class EnvReader {

    private final Map<String, String> env;

    EnvReader(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    Optional<String> text(String name, String... fallbacks) {
        Optional<String> value = nonBlank(name);
        for (String fallback : fallbacks) {
            if (value.isPresent()) {
                break;
            }
            value = nonBlank(fallback);
        }
        return value;
    }

    Optional<Integer> integer(String name) {
        return text(name).map(raw -> {
            try {
                return Integer.parseInt(raw.trim());
            } catch (NumberFormatException e) {
                throw new ConfigException(name, "must be a whole number, was '" + raw + "'");
            }
        });
    }

    Optional<Double> decimal(String name) {
        return text(name).map(raw -> {
            try {
                return Double.parseDouble(raw.trim());
            } catch (NumberFormatException e) {
                throw new ConfigException(name, "must be a number, was '" + raw + "'");
            }
        });
    }

    /** A comma-separated list of numbers, e.g. {@code 0.485,0.456,0.406}. */
    Optional<List<Float>> decimals(String name) {
        return text(name).map(raw -> {
            List<Float> values = new ArrayList<>();
            for (String part : raw.split(",")) {
                try {
                    values.add(Float.parseFloat(part.trim()));
                } catch (NumberFormatException e) {
                    throw new ConfigException(name, "must be comma-separated numbers, was '" + raw + "'");
                }
            }
            return List.copyOf(values);
        });
    }

    /** {@code true} or {@code false}, any case; anything else is refused so a typo never flips a safety switch. */
    Optional<Boolean> bool(String name) {
        return text(name).map(raw -> switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(name, "must be true or false, was '" + raw + "'");
        });
    }

    /** A comma-separated list of words, blanks dropped; empty when unset. */
    List<String> words(String name) {
        return text(name).map(raw -> java.util.Arrays.stream(raw.split(","))
                .map(String::strip)
                .filter(w -> !w.isEmpty())
                .toList()).orElse(List.of());
    }

    Optional<URI> url(String name, String... fallbacks) {
        return text(name, fallbacks).map(raw -> {
            try {
                URI uri = new URI(raw.trim());
                String scheme = uri.getScheme();
                if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || uri.getHost() == null) {
                    throw new ConfigException(name, "must be an http(s) URL with a host, was '" + raw + "'");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new ConfigException(name, "is not a URL: '" + raw + "'");
            }
        });
    }

    private Optional<String> nonBlank(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
