package dev.flywheel.backend.http.errors;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps browser-borne calls out: a web page the operator visits can post an HTML form to any address, and a name it
 * controls can be rebound to 127.0.0.1. So a state-changing request must say {@code Content-Type: application/json}
 * (a cross-site form cannot, without the browser asking first), and while Flywheel listens on loopback only, a request
 * must name a loopback host or one the operator configured in {@code Host}.
 */
public final class RequestOriginGuard {

    private static final Set<HandlerType> CHANGING = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE);
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    private final boolean checkHost;
    private final List<String> allowedHosts;

    /**
     * @param checkHost whether the server listens on loopback only (then the {@code Host} must be a loopback name)
     * @param allowedHosts more names a request may carry in {@code Host}, lower case, {@code host} or {@code host:port}
     */
    public RequestOriginGuard(boolean checkHost, List<String> allowedHosts) {
        this.checkHost = checkHost;
        this.allowedHosts = List.copyOf(allowedHosts);
    }

    /** A Javalin before-handler: refuses a foreign {@code Host} with 403 and a non-JSON change with 415. */
    public void check(Context ctx) {
        if (checkHost && !hostAllowed(ctx.header("Host"))) {
            throw new ApiException(403, "host_not_allowed", "this Flywheel listens on loopback and answers only requests for localhost"
                    + " or 127.0.0.1; add the name you use to FLYWHEEL_ALLOWED_HOSTS");
        }
        if (CHANGING.contains(ctx.method()) && !isJson(ctx.header("Content-Type"))) {
            throw new ApiException(415, "unsupported_media_type", ctx.method() + " " + ctx.path()
                    + " takes a JSON body: send it with Content-Type: application/json");
        }
    }

    private boolean hostAllowed(String header) {
        if (header == null || header.isBlank()) {
            return true;
        }
        String host = header.strip().toLowerCase(Locale.ROOT);
        if (allowedHosts.contains(host)) {
            return true;
        }
        String name = host.startsWith("[") ? host.substring(0, host.indexOf(']') + 1)
                : host.lastIndexOf(':') > 0 ? host.substring(0, host.lastIndexOf(':')) : host;
        return LOOPBACK_NAMES.contains(name) || name.matches("127(\\.\\d{1,3}){3}") || allowedHosts.contains(name);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.startsWith("application/") && type.endsWith("+json");
    }
}
