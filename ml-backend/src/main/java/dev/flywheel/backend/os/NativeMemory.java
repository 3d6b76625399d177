package dev.flywheel.backend.os;

import java.util.Optional;

/**
 * Hands native memory the C allocator keeps after {@code free} back to the OS (glibc's {@code malloc_trim}).
 *
 * <p>PyTorch allocates a training run's tensors with {@code malloc} on the training thread. glibc keeps what a run
 * freed in that thread's arena for reuse, so without a trim the process keeps the peak of every run resident.
 */
public final class NativeMemory {

    private static final Optional<LibC> LIBC = LibC.linux();

    private NativeMemory() {}

    /** Returns free native memory to the OS; does nothing where glibc is not the allocator. */
    public static void trim() {
        try {
            LIBC.ifPresent(libc -> libc.malloc_trim(0));
        } catch (RuntimeException | LinkageError e) {
            // musl or another libc without malloc_trim: nothing to hand back this way.
        }
    }
}
