package dev.flywheel.backend.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a database to the newest schema by applying, in order and each in its own transaction, the SQL scripts
 * under {@code db/migration/} that its {@code schema_version} table does not list yet.
 */
final class Migrations {

    /** Every migration, oldest first; add a line here with each new {@code V<n>__<what>.sql}. */
    static final List<String> SCRIPTS = List.of("V1__init.sql", "V2__served_samples.sql", "V3__prelabel_jobs.sql");

    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");
    private static final String RESOURCE_FOLDER = "/db/migration/";

    private final List<String> scripts;
    private final Clock clock;

    Migrations(List<String> scripts, Clock clock) {
        this.scripts = List.copyOf(scripts);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Applies the missing migrations and returns how many it applied; zero on an up-to-date database. */
    int apply(SqliteDatabase database) {
        database.write(connection -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
                        + " description TEXT NOT NULL, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)");
            }
            return null;
        });
        int applied = 0;
        int previous = 0;
        for (String script : scripts) {
            Matcher name = NAME.matcher(script);
            if (!name.matches()) {
                throw new StoreException("migration " + script + " is not named V<n>__<description>.sql");
            }
            int version = Integer.parseInt(name.group(1));
            if (version <= previous) {
                throw new StoreException("migration " + script + " is out of order");
            }
            previous = version;
            String sql = load(script);
            String checksum = sha256(sql);
            boolean ran = database.write(connection -> applyOne(connection, version, name.group(2), sql, checksum));
            applied += ran ? 1 : 0;
        }
        return applied;
    }

    private boolean applyOne(Connection connection, int version, String description, String sql, String checksum)
            throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(
                "SELECT checksum FROM schema_version WHERE version = ?")) {
            find.setInt(1, version);
            try (ResultSet row = find.executeQuery()) {
                if (row.next()) {
                    if (!row.getString(1).equals(checksum)) {
                        throw new StoreException("migration V" + version + " was edited after it was applied");
                    }
                    return false;
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String part : statements(sql)) {
                statement.execute(part);
            }
        }
        try (PreparedStatement record = connection.prepareStatement(
                "INSERT INTO schema_version (version, description, checksum, applied_at) VALUES (?, ?, ?, ?)")) {
            record.setInt(1, version);
            record.setString(2, description);
            record.setString(3, checksum);
            record.setString(4, Times.format(clock.instant()));
            record.executeUpdate();
        }
        return true;
    }

    /** Splits a script into statements: drops whole-line comments, then cuts at semicolons. */
    static List<String> statements(String sql) {
        StringBuilder code = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.strip().startsWith("--")) {
                code.append(line).append('\n');
            }
        }
        return Pattern.compile(";").splitAsStream(code).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String load(String script) {
        try (InputStream in = Migrations.class.getResourceAsStream(RESOURCE_FOLDER + script)) {
            if (in == null) {
                throw new StoreException("migration " + script + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read migration " + script, e);
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
