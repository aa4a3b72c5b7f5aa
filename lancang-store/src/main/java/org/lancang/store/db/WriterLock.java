package org.lancang.store.db;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database serves exactly one Lancang server. Each server keeps its seats in memory and sells them one writer per
 * train run, so two servers on one database would each sell the seats the other sold. The server holds a PostgreSQL
 * session advisory lock for its whole life, on a connection of its own (outside the pool, which recycles its
 * connections), and writes who it is in {@code lancang_server}; a second server is refused at start with a message
 * naming the first (host, pid, start time). If the lock's connection breaks (the database restarted), a watchdog takes
 * the lock again; should another server have taken it meanwhile, this one stops selling ({@code onLost}).
 */
public final class WriterLock implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WriterLock.class);
    /** The advisory lock's key: "LANCANG" in ASCII, the same for every Lancang. */
    static final long KEY = 0x4C414E43414E47L;

    private static final int WATCH_SECONDS = 5;

    /** Another Lancang server holds the database. */
    public static final class HeldByAnotherServer extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        HeldByAnotherServer(String message) {
            super(message);
        }
    }

    private final Database database;
    private final String host;
    private final long pid;
    private final Instant startedAt;
    private final Runnable onLost;
    private final ScheduledExecutorService watchdog;
    private volatile Connection connection;

    private WriterLock(Database database, Instant startedAt, Runnable onLost) {
        this.database = database;
        this.host = hostName();
        this.pid = ProcessHandle.current().pid();
        this.startedAt = startedAt;
        this.onLost = onLost;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lancang-writer-lock");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Takes the database for this server, or refuses with {@link HeldByAnotherServer} naming the server that has it.
     * {@code onLost} runs if the lock is lost to another server later.
     */
    public static WriterLock acquire(Database database, Clock clock, Runnable onLost) {
        WriterLock lock = new WriterLock(database, clock.instant(), onLost);
        try {
            if (!lock.take()) {
                throw new HeldByAnotherServer(lock.describeHolder());
            }
        } catch (SQLException e) {
            lock.closeConnection();
            throw new IllegalStateException("cannot take the database's writer lock: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            lock.closeConnection();
            throw e;
        }
        lock.watchdog.scheduleWithFixedDelay(lock::watch, WATCH_SECONDS, WATCH_SECONDS, TimeUnit.SECONDS);
        return lock;
    }

    /** Opens the lock's own connection and tries the lock; on success, says who holds it now. */
    private boolean take() throws SQLException {
        closeConnection();
        connection = database.openDedicatedConnection("lancang-server " + pid + "@" + host);
        connection.setAutoCommit(true);
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            s.setLong(1, KEY);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return false;
                }
            }
        }
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO lancang_server (id, host, pid, started_at,"
                + " version) VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET host = EXCLUDED.host, pid ="
                + " EXCLUDED.pid, started_at = EXCLUDED.started_at, version = EXCLUDED.version")) {
            s.setString(1, host);
            s.setLong(2, pid);
            s.setObject(3, OffsetDateTime.ofInstant(startedAt, ZoneOffset.UTC));
            s.setString(4, WriterLock.class.getPackage().getImplementationVersion());
            s.executeUpdate();
        }
        return true;
    }

    /** Who holds the lock: the row its server wrote, and its PostgreSQL session (in case the row is not written yet). */
    private String describeHolder() throws SQLException {
        StringBuilder who = new StringBuilder("another Lancang server is using this database");
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT host, pid, started_at FROM lancang_server WHERE id = 1")) {
            if (rs.next()) {
                who.append(": host ")
                        .append(rs.getString("host"))
                        .append(", pid ")
                        .append(rs.getLong("pid"))
                        .append(", started ")
                        .append(rs.getObject("started_at", OffsetDateTime.class).toInstant());
            }
        }
        try (PreparedStatement s = connection.prepareStatement("SELECT a.application_name, a.client_addr,"
                + " a.backend_start FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype ="
                + " 'advisory' AND l.granted AND l.classid = ? AND l.objid = ? AND l.objsubid = 1")) {
            s.setLong(1, KEY >>> 32);
            s.setLong(2, KEY & 0xFFFF_FFFFL);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    who.append(" (its database session: '")
                            .append(rs.getString("application_name"))
                            .append("' from ")
                            .append(
                                    rs.getString("client_addr") == null
                                            ? "a local socket"
                                            : rs.getString("client_addr"))
                            .append(" since ")
                            .append(rs.getObject("backend_start", OffsetDateTime.class)
                                    .toInstant())
                            .append(")");
                }
            }
        }
        return who.append(". One database serves exactly one Lancang server: stop that one first, or give this one"
                        + " a database of its own.")
                .toString();
    }

    /** Every few seconds: is the lock's session alive? If not, take the lock again, or stop selling. */
    private void watch() {
        try (Statement s = connection.createStatement()) {
            s.setQueryTimeout(WATCH_SECONDS);
            s.execute("SELECT 1");
            return;
        } catch (SQLException | RuntimeException broken) {
            LOG.warn("the connection holding the database's writer lock broke; taking the lock again");
        }
        try {
            if (take()) {
                LOG.info("the database's writer lock is held again");
                return;
            }
            String holder = describeHolder();
            LOG.error("LOST the database to another server ({}): this server stops selling", holder);
            watchdog.shutdown();
            onLost.run();
        } catch (SQLException e) {
            LOG.warn("the database is unreachable ({}); will try again", e.getMessage());
        }
    }

    private void closeConnection() {
        Connection c = connection;
        connection = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a session releases its advisory locks anyway
            }
        }
    }

    /** Gives the database back: the row goes and the lock is released (closing the session would release it too). */
    @Override
    public void close() {
        watchdog.shutdownNow();
        Connection c = connection;
        if (c != null) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM lancang_server WHERE host = ? AND pid = ?")) {
                s.setString(1, host);
                s.setLong(2, pid);
                s.executeUpdate();
            } catch (SQLException e) {
                LOG.debug("could not remove this server's row", e);
            }
        }
        closeConnection();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
