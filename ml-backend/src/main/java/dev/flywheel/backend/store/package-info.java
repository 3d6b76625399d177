/**
 * Durable storage of what Label Studio tells us and what Flywheel did with it: projects, tasks, annotations,
 * predictions served (and, bounded, the embeddings and features of served images for drift) and training runs, in an
 * embedded SQLite database behind interfaces a PostgreSQL store can implement later.
 *
 * <p>{@link dev.flywheel.backend.store.FlywheelStore} is the entry point; {@link dev.flywheel.backend.store.SqliteStore}
 * opens the database file, applies migrations and serialises writes on one connection while reads use their own
 * connections (WAL), so a webhook burst never blocks a stats query. Every write method has committed with
 * {@code synchronous=FULL} by the time it returns.
 */
package dev.flywheel.backend.store;
