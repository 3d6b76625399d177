/**
 * Real parts the tests start or load themselves: Debian's PostgreSQL in a temporary folder on a free loopback port,
 * and the tiny models under {@code src/test/resources}.
 */
package dev.flywheel.backend.testing;
