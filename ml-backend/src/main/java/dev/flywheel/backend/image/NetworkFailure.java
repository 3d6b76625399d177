package dev.flywheel.backend.image;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Words for a failed connection that a caller can act on, instead of the library's exception name or text. */
final class NetworkFailure {

    private NetworkFailure() {}

    static String describe(IOException e) {
        return switch (e) {
            case UnknownHostException unknown -> "the host name does not resolve";
            case ConnectException refused -> "the connection was refused";
            case NoRouteToHostException unreachable -> "there is no route to the host";
            case SSLException tls -> "the TLS handshake failed";
            default -> "the connection failed";
        };
    }
}
