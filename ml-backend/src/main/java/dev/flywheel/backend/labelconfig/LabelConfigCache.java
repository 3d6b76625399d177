package dev.flywheel.backend.labelconfig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses each distinct label config once: Label Studio sends the whole config with every predict request.
 */
public final class LabelConfigCache {

    private static final int CAPACITY = 64;

    private final LabelConfigParser parser;
    private final Map<String, LabelConfig> parsed = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, LabelConfig> eldest) {
            return size() > CAPACITY;
        }
    };

    public LabelConfigCache(LabelConfigParser parser) {
        this.parser = parser;
    }

    /** The parsed config; a malformed one throws {@link LabelConfigException} every time it is asked for. */
    public LabelConfig get(String xml) {
        synchronized (parsed) {
            LabelConfig cached = parsed.get(xml);
            if (cached != null) {
                return cached;
            }
        }
        LabelConfig config = parser.parse(xml);
        synchronized (parsed) {
            parsed.put(xml, config);
        }
        return config;
    }
}
