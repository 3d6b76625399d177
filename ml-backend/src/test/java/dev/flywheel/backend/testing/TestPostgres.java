package dev.flywheel.backend.testing;

import dev.flywheel.backend.config.DatabaseConfig;
import dev.flywheel.backend.config.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's PostgreSQL ({@code /usr/lib/postgresql/<n>/bin}), started by the tests themselves: {@code initdb} in a
 * temporary folder, the server on a free loopback port with password authentication, one database per test.
 *
 * <p>As root the server runs as {@code nobody} (PostgreSQL refuses to run as root). Without PostgreSQL installed the
 * tests that need it are skipped with a message, unless {@value #REQUIRE_VARIABLE}{@code =true} (CI), which fails them.
 */
public final class TestPostgres implements AutoCloseable {

    /** Set to {@code true} where a missing PostgreSQL must fail the tests instead of skipping them. */
    public static final String REQUIRE_VARIABLE = "FLYWHEEL_REQUIRE_POSTGRES";
    /** The superuser initdb creates. */
    public static final String USER = "flywheel";

    private static final Path DEBIAN = Path.of("/usr/lib/postgresql");
    private static final Secret PASSWORD = new Secret("test-only-" + Long.toHexString(System.nanoTime()));
    private static TestPostgres shared;

    private final Path bin;
    private final Path root;
    private final int port;
    private final List<String> asOwner;

    private TestPostgres(Path bin, Path root, int port, List<String> asOwner) {
        this.bin = bin;
        this.root = root;
        this.port = port;
        this.asOwner = asOwner;
    }

    /** The one server of this test JVM, started on first use and stopped when the JVM exits; skips when absent. */
    public static synchronized TestPostgres shared() {
        if (shared == null) {
            Optional<Path> bin = binaries();
            if (bin.isEmpty()) {
                String why = "PostgreSQL is not installed (no " + DEBIAN + "/*/bin/initdb): apt-get install -y postgresql";
                if (Boolean.parseBoolean(System.getenv(REQUIRE_VARIABLE))) {
                    throw new AssertionError(why + " (" + REQUIRE_VARIABLE + "=true)");
                }
                Assumptions.abort(why + "; these tests are skipped");
            }
            TestPostgres started = start(bin.get());
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-postgres-stop"));
            shared = started;
        }
        return shared;
    }

    /** The newest installed PostgreSQL's {@code bin} folder. */
    public static Optional<Path> binaries() {
        if (!Files.isDirectory(DEBIAN)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(DEBIAN)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent())));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int versionOf(Path folder) {
        try {
            return Integer.parseInt(folder.getFileName().toString().replaceAll("\\..*", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Creates a cluster in a new temporary folder and starts it; returns once it accepts connections. */
    public static TestPostgres start(Path bin) {
        try {
            Path root = Files.createTempDirectory("flywheel-pg-");
            boolean asRoot = "root".equals(System.getProperty("user.name"));
            List<String> asOwner = asRoot
                    ? List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--")
                    : List.of();
            Path passwordFile = root.resolve("password");
            Files.writeString(passwordFile, PASSWORD.reveal() + "\n", StandardCharsets.UTF_8);
            if (asRoot) {
                chownToNobody(root);
                chownToNobody(passwordFile);
            }
            TestPostgres server = new TestPostgres(bin, root, freePort(), asOwner);
            server.run(List.of(bin.resolve("initdb").toString(), "-D", root.resolve("data").toString(), "-U", USER,
                    "--pwfile=" + passwordFile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
            server.run(List.of(bin.resolve("pg_ctl").toString(), "-D", root.resolve("data").toString(), "-l",
                    root.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                    "-p " + server.port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off"
                            + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                    "start"));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start PostgreSQL from " + bin, e);
        }
    }

    /** A port nothing listens on now, on loopback. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    private static void chownToNobody(Path path) throws IOException {
        UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(path, users.lookupPrincipalByName("nobody"));
        GroupPrincipal group = users.lookupPrincipalByGroupName("nogroup");
        Files.getFileAttributeView(path, PosixFileAttributeView.class).setGroup(group);
    }

    private void run(List<String> command) {
        List<String> full = new ArrayList<>(asOwner);
        full.addAll(command);
        try {
            Path log = Files.createTempFile("flywheel-pg-cmd-", ".log");
            Process process = new ProcessBuilder(full).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command.subList(0, 1)) + " failed:\n"
                        + Files.readString(log) + serverLog());
            }
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + command.get(0), e);
        }
    }

    private String serverLog() {
        try {
            Path log = root.resolve("server.log");
            return Files.exists(log) ? "\nserver log:\n" + Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of one database on this server. */
    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The settings Flywheel reads from {@code FLYWHEEL_DATABASE_*} for {@code database}, created when absent. */
    public DatabaseConfig database(String database) {
        createDatabase(database);
        return new DatabaseConfig(url(database), Optional.of(USER), Optional.of(PASSWORD), 4);
    }

    /** What a replica's environment carries to reach {@code database}. */
    public java.util.Map<String, String> environment(String database) {
        createDatabase(database);
        return java.util.Map.of("FLYWHEEL_DATABASE_URL", url(database), "FLYWHEEL_DATABASE_USER", USER,
                "FLYWHEEL_DATABASE_PASSWORD", PASSWORD.reveal());
    }

    /** A connection of the test's own to {@code database}, e.g. to look at rows or to end other sessions. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), USER, PASSWORD.reveal());
    }

    /** Creates {@code database} unless it exists; names are lower-case letters, digits and underscores. */
    public synchronized void createDatabase(String database) {
        if (!database.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (row.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server at once and removes its folder. */
    @Override
    public void close() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", root.resolve("data").toString(), "-m", "immediate", "-w", "stop"));
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder is harmless.
        }
    }
}
