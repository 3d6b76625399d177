package dev.flywheel.backend.kind;

import dev.flywheel.backend.cache.LeastRecentlyUsed;
import dev.flywheel.backend.labelconfig.LabelConfig;
import dev.flywheel.backend.labelconfig.LabelConfigParser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Parses each distinct label config once and decides once which kind serves it: Label Studio sends the whole config
 * with every {@code /predict}. Kept by the config's SHA-256, so the cache holds short keys, not whole configs.
 */
public final class ServedConfigs {

    private static final int CAPACITY = 64;

    private final LabelConfigParser parser;
    private final TaskKinds kinds;
    private final LeastRecentlyUsed<String, ServedConfig> byHash = new LeastRecentlyUsed<>(CAPACITY);

    public ServedConfigs(LabelConfigParser parser, TaskKinds kinds) {
        this.parser = parser;
        this.kinds = kinds;
    }

    /** The parsed config and what serves it; a malformed one throws {@code LabelConfigException} every time. */
    public ServedConfig get(String xml) {
        String hash = sha256(xml);
        ServedConfig cached = byHash.get(hash);
        if (cached != null) {
            return cached;
        }
        ServedConfig served = kinds.serve(parser.parse(xml));
        byHash.put(hash, served);
        return served;
    }

    /** What serves a project whose label config Flywheel has not seen: nothing. */
    public ServedConfig none() {
        return kinds.serve(new LabelConfig(List.of(), List.of()));
    }

    private static String sha256(String xml) {
        try {
            byte[] bytes = xml == null ? new byte[0] : xml.getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
