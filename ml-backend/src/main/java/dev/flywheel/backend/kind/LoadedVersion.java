package dev.flywheel.backend.kind;

import dev.flywheel.backend.labelconfig.ServingTarget;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model version in memory that pre-labels images the way its kind does; the one reference-counted type every kind's
 * versions are. Its owner (the cache of active versions, or the kind for a stand-in) holds one reference and callers
 * add theirs while they predict, so a version replaced mid-prediction is freed once its last caller has finished.
 */
public abstract class LoadedVersion implements AutoCloseable {

    private final String version;
    private final AtomicInteger references = new AtomicInteger(1);

    protected LoadedVersion(String version) {
        this.version = version;
    }

    /** The version Label Studio sees on every prediction this one makes. */
    public final String version() {
        return version;
    }

    /** One pre-label per image, in the order given, for the control and image of {@code target}. */
    public abstract List<Prelabel> prelabel(ServingTarget target, List<BufferedImage> images);

    /** Whether its pre-labels carry embeddings, so the images' features are measured for the drift window too. */
    public boolean describesImages() {
        return false;
    }

    /** Takes a caller's reference; false when the version was already freed and must be looked up again. */
    final boolean retain() {
        int current;
        do {
            current = references.get();
            if (current == 0) {
                return false;
            }
        } while (!references.compareAndSet(current, current + 1));
        return true;
    }

    /** Gives back the reference the caller holds (the owner's included); the last one frees the model. */
    @Override
    public final void close() {
        if (references.decrementAndGet() == 0) {
            free();
        }
    }

    /** Closes the model and its predictors; called once, when no reference is left. */
    protected abstract void free();
}
