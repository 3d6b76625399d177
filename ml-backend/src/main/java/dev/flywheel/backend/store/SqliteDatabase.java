package dev.flywheel.backend.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The SQLite file and its connections: one writer guarded by a lock, a few readers that see the last committed
 * state while a write is running (WAL).
 */
final class SqliteDatabase implements Database {

    static final int DEFAULT_READERS = 4;
    private static final int BUSY_TIMEOUT_MS = 10_000;
    private static final long READER_WAIT_SECONDS = 30;
    /** SQLite's primary result code for "database or disk is full". */
    private static final int SQLITE_FULL = 13;

    private final Path file;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final Connection writer;
    private final BlockingQueue<Connection> readers;
    private final List<Connection> all = new ArrayList<>();

    private SqliteDatabase(Path file, int readerCount) throws SQLException {
        this.file = file;
        this.writer = openWriter();
        all.add(writer);
        this.readers = new ArrayBlockingQueue<>(readerCount);
        for (int i = 0; i < readerCount; i++) {
            Connection reader = openReader();
            all.add(reader);
            readers.add(reader);
        }
    }

    /** Opens (creating when absent) the database file and its parent folders. */
    static SqliteDatabase open(Path file, int readerCount) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return new SqliteDatabase(file, readerCount);
        } catch (SQLException | IOException e) {
            throw new StoreException("cannot open database " + file, e);
        }
    }

    Path file() {
        return file;
    }

    /** Connections of their own to the same file, for Flyway; they wait for the writer as the writer waits for them. */
    DataSource dataSource() {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file.toAbsolutePath());
        return source;
    }

    /** Runs work in one IMMEDIATE transaction on the writer; committed (and fsynced) when this returns. */
    @Override
    public <T> T write(SqlWork<T> work) {
        writeLock.lock();
        try {
            return inTransaction(writer, "BEGIN IMMEDIATE", work);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs work in one read transaction, so every query in it sees the same snapshot. */
    @Override
    public <T> T read(SqlWork<T> work) {
        Connection reader = borrowReader();
        try {
            return inTransaction(reader, "BEGIN", work);
        } finally {
            readers.add(reader);
        }
    }

    private Connection borrowReader() {
        try {
            Connection reader = readers.poll(READER_WAIT_SECONDS, TimeUnit.SECONDS);
            if (reader == null) {
                throw new StoreException("no read connection free after " + READER_WAIT_SECONDS + " s");
            }
            return reader;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted waiting for a read connection", e);
        }
    }

    private static <T> T inTransaction(Connection connection, String begin, SqlWork<T> work) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(begin);
            // A failed ROLLBACK is expected at times: SQLite has already rolled back after some failures (a full disk among them).
            return work.committed(connection, () -> statement.execute("COMMIT"), () -> statement.execute("ROLLBACK"));
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private static StoreException translate(SQLException e) {
        String message = String.valueOf(e.getMessage());
        if ((e.getErrorCode() & 0xff) == SQLITE_FULL) {
            return new StorageFullException("the disk holding the database is full; nothing was stored", e);
        }
        if (message.contains("FOREIGN KEY constraint failed")) {
            return new UnknownEntityException("the write refers to a project or model version that is not stored");
        }
        return new StoreException("database error: " + message, e);
    }

    private Connection openWriter() throws SQLException {
        Connection connection = connect();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode = WAL")) {
                if (!mode.next() || !"wal".equalsIgnoreCase(mode.getString(1))) {
                    throw new SQLException("the file system does not support WAL mode for " + file);
                }
            }
            // FULL: a commit is on disk when COMMIT returns, so an acknowledged webhook survives a power cut.
            statement.execute("PRAGMA synchronous = FULL");
        }
        return connection;
    }

    private Connection openReader() throws SQLException {
        Connection connection = connect();
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA query_only = ON");
        }
        return connection;
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
            statement.execute("PRAGMA foreign_keys = ON");
        }
        return connection;
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            SQLException failure = null;
            for (Connection connection : all) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    failure = e;
                }
            }
            if (failure != null) {
                throw new StoreException("closing " + file + " failed", failure);
            }
        } finally {
            writeLock.unlock();
        }
    }
}
