package dev.flywheel.backend.cache;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map of at most {@code capacity} entries that drops the least recently used one when full; safe for many threads.
 * Values are computed by the callers outside its lock, so a slow computation never blocks a lookup.
 *
 * @param <K> the key
 * @param <V> the cached value
 */
public final class LeastRecentlyUsed<K, V> {

    private final Map<K, V> entries;

    public LeastRecentlyUsed(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached value, or null; a hit makes the entry the most recently used. */
    public V get(K key) {
        synchronized (entries) {
            return entries.get(key);
        }
    }

    public void put(K key, V value) {
        synchronized (entries) {
            entries.put(key, value);
        }
    }

    public void remove(K key) {
        synchronized (entries) {
            entries.remove(key);
        }
    }
}
