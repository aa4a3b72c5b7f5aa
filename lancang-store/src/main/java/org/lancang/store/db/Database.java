package org.lancang.store.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.postgresql.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running database: the embedded PostgreSQL (real binaries, data kept in a folder across restarts) or an external
 * server, a connection pool, and the schema migrated to the latest version. Close it to stop everything cleanly.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final EmbeddedPostgres embedded;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final String url;
    private final String user;
    private final String password;

    private Database(EmbeddedPostgres embedded, HikariDataSource dataSource, String url, String user, String password) {
        this.embedded = embedded;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * A connection of its own, outside the pool (which closes idle and old connections): for a session that must live
     * as long as the server, such as the one holding the writer lock. {@code name} shows in pg_stat_activity.
     */
    public Connection openDedicatedConnection(String name) throws SQLException {
        Properties props = new Properties();
        if (user != null) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", name.length() > 63 ? name.substring(0, 63) : name);
        return new Driver().connect(url, props);
    }

    /** Starts (or connects to) the database and applies every pending migration. */
    public static Database start(DatabaseConfig config) {
        EmbeddedPostgres embedded = null;
        String url;
        String user;
        String password;
        try {
            if (config.isEmbedded()) {
                Files.createDirectories(config.dataDir());
                embedded = EmbeddedPostgres.builder()
                        .setDataDirectory(config.dataDir())
                        .setCleanDataDirectory(false)
                        .setPGStartupWait(Duration.ofSeconds(60))
                        // The embedded builder turns synchronous_commit off (it is made for tests); Lancang
                        // acknowledges a booking only once it is on disk, so the server must flush before it answers.
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("fsync", "on")
                        // Checkpoints less often than the stock 5 min / 1 GB: after each one, every page a booking
                        // touches is logged whole again, which under a rush doubles the log written per booking.
                        .setServerConfig("checkpoint_timeout", "15min")
                        .setServerConfig("max_wal_size", "2GB")
                        .start();
                url = embedded.getJdbcUrl("postgres", "postgres");
                user = "postgres";
                password = null;
                LOG.info("embedded PostgreSQL on port {} with data in {}", embedded.getPort(), config.dataDir());
            } else {
                url = config.jdbcUrl();
                user = config.user();
                password = config.password();
            }
            HikariDataSource pool = pool(url, user, password);
            try {
                migrate(pool);
            } catch (RuntimeException e) {
                pool.close();
                throw e;
            }
            return new Database(embedded, pool, url, user, password);
        } catch (IOException e) {
            closeQuietly(embedded);
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + config.dataDir(), e);
        } catch (RuntimeException e) {
            closeQuietly(embedded);
            throw e;
        }
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(url);
        if (user != null) {
            hikari.setUsername(user);
        }
        if (password != null) {
            hikari.setPassword(password);
        }
        hikari.setMaximumPoolSize(16);
        // Batched INSERTs go as multi-row INSERTs: the group commit sends many bookings in a few round trips.
        hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        hikari.setPoolName("lancang");
        hikari.setConnectionTimeout(30_000);
        return new HikariDataSource(hikari);
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        dataSource.close();
        closeQuietly(embedded);
    }

    private static void closeQuietly(EmbeddedPostgres embedded) {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                LOG.warn("embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
