package dev.flywheel.backend.training;

import java.util.Locale;
import java.util.Random;

/**
 * Which light augmentations training applies to each image it draws: a shift of up to a sixteenth of the edge in each
 * direction (edges repeated) and a horizontal flip half of the time. Neither changes what an object is; both keep a
 * small network from memorising exact pixel positions when objects in a project's photos move around and face either
 * way.
 *
 * <p>Off by default: on datasets whose objects are centred and face one way (Fashion-MNIST's shoes all point left) they
 * only made the short runs of the flywheel worse, by 1-3 points of accuracy after 200-2,000 annotations. Turn them on
 * ({@code FLYWHEEL_TRAINING_AUGMENT=shift,flip}) for photos whose objects sit anywhere: the tests' shape scenes need it
 * to reach 20 of 30 unseen images right after 34 training images.
 *
 * @param shift move the image by up to {@code edge / 16} pixels (at least one) in each direction
 * @param flip mirror it left to right half of the time
 */
public record Augmentation(boolean shift, boolean flip) {

    /** No augmentation: the images exactly as they will be served. */
    public static final Augmentation NONE = new Augmentation(false, false);

    /**
     * Parses a comma-separated list of {@code shift} and {@code flip}, or {@code none}.
     *
     * @throws IllegalArgumentException naming the unknown word
     */
    public static Augmentation parse(String text) {
        boolean shift = false;
        boolean flip = false;
        for (String word : text.toLowerCase(Locale.ROOT).split(",")) {
            switch (word.strip()) {
                case "shift" -> shift = true;
                case "flip" -> flip = true;
                case "none", "" -> { }
                default -> throw new IllegalArgumentException("unknown augmentation '" + word.strip() + "' (use shift, flip or none)");
            }
        }
        return new Augmentation(shift, flip);
    }

    /** The words {@link #parse} reads back, for manifests and logs. */
    public String describe() {
        return shift && flip ? "shift,flip" : shift ? "shift" : flip ? "flip" : "none";
    }

    boolean any() {
        return shift || flip;
    }

    /**
     * An augmented copy of {@code chw} (three planes of {@code size * size} bytes); the input is untouched.
     */
    byte[] apply(byte[] chw, int size, Random random) {
        int maxShift = shift ? Math.max(1, size / 16) : 0;
        int dx = random.nextInt(2 * maxShift + 1) - maxShift;
        int dy = random.nextInt(2 * maxShift + 1) - maxShift;
        boolean mirror = flip && random.nextBoolean();
        int plane = size * size;
        int[] sourceColumn = new int[size];
        for (int x = 0; x < size; x++) {
            sourceColumn[x] = clamp((mirror ? size - 1 - x : x) - dx, size);
        }
        byte[] out = new byte[chw.length];
        for (int c = 0; c < 3; c++) {
            int base = c * plane;
            for (int y = 0; y < size; y++) {
                int rowFrom = base + clamp(y - dy, size) * size;
                int rowTo = base + y * size;
                for (int x = 0; x < size; x++) {
                    out[rowTo + x] = chw[rowFrom + sourceColumn[x]];
                }
            }
        }
        return out;
    }

    private static int clamp(int coordinate, int size) {
        return Math.max(0, Math.min(size - 1, coordinate));
    }
}
