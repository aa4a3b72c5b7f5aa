package org.lancang.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.lancang.store.db.DatabaseConfig;

import picocli.CommandLine.Option;

/**
 * Where the database is: by default the embedded PostgreSQL with its data in {@code ./var/postgres}; with
 * {@code --db-url} an external server. Shared by every command that touches the database.
 */
public final class DatabaseOptions {
    @Option(names = "--data-dir", defaultValue = "${env:LANCANG_DATA_DIR:-var}",
            description = "folder for Lancang's data (the embedded database lives in DIR/postgres); default ./var, env LANCANG_DATA_DIR")
    Path dataDir;

    @Option(names = "--db-url", defaultValue = "${env:LANCANG_DB_URL}",
            description = "JDBC URL of an external PostgreSQL instead of the embedded one, env LANCANG_DB_URL")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "${env:LANCANG_DB_USER}", description = "env LANCANG_DB_USER")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:LANCANG_DB_PASSWORD}", description = "env LANCANG_DB_PASSWORD")
    String dbPassword;

    DatabaseConfig config() {
        if (dbUrl != null && !dbUrl.isBlank()) {
            return DatabaseConfig.external(dbUrl, dbUser, dbPassword);
        }
        Path pgData = dataDir.resolve("postgres").toAbsolutePath();
        // The embedded server may already be running for this folder (a `lancang serve` in another terminal, or one
        // left behind by a killed process): then connect to it instead of starting a second one on the same files.
        return runningPostmasterPort(pgData)
                .map(port -> DatabaseConfig.external("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", null))
                .orElse(DatabaseConfig.embedded(pgData));
    }

    /** The port of a live postmaster that owns {@code pgData}, read from its {@code postmaster.pid}. */
    static Optional<Integer> runningPostmasterPort(Path pgData) {
        Path pidFile = pgData.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).strip());
            int port = Integer.parseInt(lines.get(3).strip());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> port);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
