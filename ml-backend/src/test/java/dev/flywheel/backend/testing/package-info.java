/** Real servers the tests start themselves: Debian's PostgreSQL in a temporary folder on a free loopback port. */
package dev.flywheel.backend.testing;
