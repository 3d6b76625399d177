/** Builds the Javalin app: routes, JSON mapping and lifecycle; controllers only translate HTTP to services. */
package dev.flywheel.backend.http;
