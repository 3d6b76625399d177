package dev.flywheel.backend.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flywheel.backend.config.BasicAuth;
import dev.flywheel.backend.http.errors.BasicAuthGuard;
import dev.flywheel.backend.http.errors.RequestIds;
import dev.flywheel.backend.http.errors.RequestOriginGuard;
import dev.flywheel.backend.http.errors.ErrorMapper;
import dev.flywheel.backend.http.errors.JsonErrorHandler;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Builds the Javalin app from its collaborators and owns its lifecycle. */
public final class FlywheelServer implements AutoCloseable {

    /** Large enough for a "Retrieve predictions" batch of thousands of tasks, small enough to refuse a flood. */
    public static final long MAX_BODY_BYTES = 32L * 1024 * 1024;

    private final Javalin app;

    public FlywheelServer(ObjectMapper mapper, Optional<BasicAuth> basicAuth, RequestOriginGuard origins, List<Routes> routes) {
        Objects.requireNonNull(mapper, "mapper");
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.useVirtualThreads = false;
            // Jetty refuses some requests (unparseable URIs, oversized headers) before Javalin runs: answer those in JSON too.
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler(mapper)));
        });
        app.before(new RequestIds()::assign);
        app.before(origins::check);
        basicAuth.map(BasicAuthGuard::new).ifPresent(guard -> app.before(guard::check));
        ErrorMapper.register(app);
        routes.forEach(r -> r.register(app));
    }

    /** Starts listening; port 0 picks a free port, see {@link #port()}. */
    public FlywheelServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
