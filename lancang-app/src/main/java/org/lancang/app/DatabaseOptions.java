package org.lancang.app;

import java.nio.file.Path;
import org.lancang.store.db.DatabaseConfig;
import org.lancang.store.db.EmbeddedFolder;
import picocli.CommandLine.Option;

/**
 * Where the database is: by default the embedded PostgreSQL with its data in {@code ./var/postgres}; with
 * {@code --db-url} an external server. Shared by every command that touches the database.
 */
public final class DatabaseOptions {
    @Option(
            names = "--data-dir",
            defaultValue = "${env:LANCANG_DATA_DIR:-var}",
            description =
                    "folder for Lancang's data (the embedded database lives in DIR/postgres); default ./var, env LANCANG_DATA_DIR")
    Path dataDir;

    @Option(
            names = "--db-url",
            defaultValue = "${env:LANCANG_DB_URL}",
            description = "JDBC URL of an external PostgreSQL instead of the embedded one, env LANCANG_DB_URL")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "${env:LANCANG_DB_USER}", description = "env LANCANG_DB_USER")
    String dbUser;

    @Option(
            names = "--db-password",
            defaultValue = "${env:LANCANG_DB_PASSWORD}",
            description = "env LANCANG_DB_PASSWORD")
    String dbPassword;

    /** For a one-shot command: the embedded database of a running {@code lancang serve} is shared. */
    DatabaseConfig config() {
        return config(false);
    }

    /**
     * For {@code serve} ({@code exclusive}): a second server on the same folder is refused, since two in-memory seat
     * inventories over one database could sell a seat twice. A database left running by a killed Lancang is stopped
     * first, then started again (it recovers from its log).
     */
    DatabaseConfig config(boolean exclusive) {
        if (dbUrl != null && !dbUrl.isBlank()) {
            return DatabaseConfig.external(dbUrl, dbUser, dbPassword);
        }
        Path pgData = dataDir.resolve("postgres").toAbsolutePath();
        EmbeddedFolder folder = new EmbeddedFolder(pgData);
        if (folder.livePostmasterPort().isPresent()) {
            if (folder.heldByAnotherProcess()) {
                if (exclusive) {
                    throw new IllegalStateException("Lancang is already running with the data in " + dataDir
                            + "; stop it first or choose another --data-dir");
                }
                return DatabaseConfig.external(
                        "jdbc:postgresql://localhost:"
                                + folder.livePostmasterPort().get() + "/postgres",
                        "postgres",
                        null);
            }
            folder.stopOrphan();
        }
        return DatabaseConfig.embedded(pgData);
    }
}
