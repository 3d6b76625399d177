package dev.flywheel.backend.image;

import java.net.UnknownHostException;

/** A host that resolves to an address Flywheel must not connect to; an {@link UnknownHostException} so OkHttp's {@code Dns} may throw it. */
final class RefusedAddressException extends UnknownHostException {

    private static final long serialVersionUID = 1L;

    RefusedAddressException(String message) {
        super(message);
    }
}
