package dev.flywheel.eclipse.core.client;

import java.util.Base64;

/** A tiny valid PNG (1x1, red) for image-preview tests. */
final class Png {

    static final byte[] TINY = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");

    private Png() {}
}
