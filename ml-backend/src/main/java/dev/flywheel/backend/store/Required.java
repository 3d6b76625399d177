package dev.flywheel.backend.store;

/**
 * The records' compact-constructor null checks, written once: each absent component fails as
 * {@link java.util.Objects#requireNonNull(Object, String)} would, naming the component.
 */
public final class Required {

    private Required() {}

    /** Rejects a null among {@code values}, named in order by the space-separated {@code names}. */
    public static void components(String names, Object... values) {
        String[] name = names.split(" ");
        if (name.length != values.length) {
            throw new IllegalArgumentException(name.length + " names for " + values.length + " components");
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new NullPointerException(name[i]);
            }
        }
    }
}
