/**
 * Durable storage of what Label Studio tells us and what Flywheel did with it: projects, tasks, annotations,
 * predictions served (and, bounded, the embeddings and features of served images for drift) and training runs, behind
 * interfaces with two implementations that run the same SQL: an embedded SQLite file, the default, and a PostgreSQL
 * server that several Flywheel replicas share.
 *
 * <p>{@link dev.flywheel.backend.store.FlywheelStore} is the entry point. {@link dev.flywheel.backend.store.SqliteStore}
 * opens the database file and serialises writes on one connection while reads use their own connections (WAL);
 * {@link dev.flywheel.backend.store.PostgresStore} uses a HikariCP pool and serialises writes across processes with an
 * advisory lock held for each write transaction. Both migrate with Flyway from {@code db/migration/<vendor>} (the same
 * versions, each vendor's types), and every write method has committed durably by the time it returns.
 */
package dev.flywheel.backend.store;
