/** The only place environment variables, flags and config files are read. */
package dev.flywheel.backend.config;
