package dev.flywheel.backend.http;

import io.javalin.Javalin;

/** A controller's routes, added to the app by {@link FlywheelServer}. */
@FunctionalInterface
public interface Routes {

    void register(Javalin app);
}
