package dev.flywheel.backend.store;

import java.nio.file.Path;

/** Run in a child JVM: saves one annotation, prints "acknowledged", then dies without closing anything. */
public final class CrashingWriter {

    private CrashingWriter() {}

    public static void main(String[] args) {
        @SuppressWarnings("resource") // never closed on purpose: the process is killed as a crash would
        SqliteStore store = StoreFixtures.openWithProject(Path.of(args[0]));
        store.annotations().save(StoreFixtures.annotation(Long.parseLong(args[1]), 1, "dog"));
        System.out.println("acknowledged");
        System.out.flush();
        Runtime.getRuntime().halt(137);
    }
}
