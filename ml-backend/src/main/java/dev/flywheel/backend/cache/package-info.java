/** In-process caches: a bounded, thread-safe map that forgets its least recently used entries first. */
package dev.flywheel.backend.cache;
