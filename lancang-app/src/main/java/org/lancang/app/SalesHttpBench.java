package org.lancang.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

import javax.sql.DataSource;

import org.lancang.money.Currency;
import org.lancang.rollingstock.SeatClass;
import org.lancang.store.Platform;
import org.lancang.store.db.DatabaseConfig;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.sales.SalesRecords.HoldRequest;
import org.lancang.ticketing.DocumentType;
import org.lancang.ticketing.Passenger;
import org.lancang.web.WebServer;

/**
 * End-to-end sales over HTTP with the PostgreSQL commit: a Lancang server in this process on a fresh embedded
 * database, 64 clients booking one seat each request across the day's domestic D trains, throughput and latency
 * percentiles; then the straightforward SQL way on the same PostgreSQL (seat-segment rows locked with
 * SELECT … FOR UPDATE, one transaction per booking) with the same clients, and the ratio.
 */
final class SalesHttpBench {
    private static final int CLIENTS = 64;
    private final PrintWriter out;
    private final int seconds;

    SalesHttpBench(PrintWriter out, int seconds) {
        this.out = out;
        this.seconds = seconds;
    }

    void run() throws Exception {
        Path dir = Files.createTempDirectory("lancang-bench");
        try (Platform platform = Platform.start(DatabaseConfig.embedded(dir.resolve("postgres")),
                new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS), Clock.systemUTC());
             WebServer server = WebServer.start(platform, "127.0.0.1", 0)) {
            platform.users().register("bench", "Bench", "bench password 1");
            String token = platform.users().signIn("bench", "bench password 1",
                    org.lancang.store.users.UserService.TokenKind.API).orElseThrow().token();
            List<String> trains = platform.timetable().plans().stream()
                    .filter(p -> p.number().startsWith("D86") && p.from().equals("KMS")).map(p -> p.number()).toList();
            // Spread over the trains and the next 13 days, so that 5,000 bookings a second do not sell the runs out.
            LocalDate first = LocalDate.now().plusDays(2); // whatever the zone, every train of the day is still to leave
            for (int d = 0; d < 13; d++) { // a server in steady state has its runs in memory already
                platform.sales().journeys("KMS", "PUE", first.plusDays(d), Currency.CNY);
            }
            AtomicInteger n = new AtomicInteger();
            java.util.concurrent.atomic.AtomicReference<String> firstRefusal = new java.util.concurrent.atomic.AtomicReference<>();
            KeepAliveHttp[] connections = new KeepAliveHttp[CLIENTS];
            for (int c = 0; c < CLIENTS; c++) {
                connections[c] = new KeepAliveHttp("127.0.0.1", server.port());
            }
            // The floor: the cheapest answer this server gives (GET /health), with the same clients on the same cores.
            Result floor = drive(client -> {
                try {
                    return connections[client].get("/health").status() == 200;
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            report("HTTP floor: GET /health (one SELECT 1), same clients", floor, 0);
            Result lancang = drive(client -> {
                int k = n.incrementAndGet();
                String date = first.plusDays(k / trains.size() % 13).toString();
                String body = "{\"train\":\"" + trains.get(k % trains.size()) + "\",\"date\":\"" + date
                        + "\",\"from\":\"KMS\",\"to\":\"PUE\",\"seatClass\":\"SECOND\",\"currency\":\"CNY\",\"passengers\":"
                        + "[{\"name\":\"B" + k + "\",\"documentType\":\"CHINESE_RESIDENT_ID\",\"documentNumber\":\"ID"
                        + (1_000_000 + k) + "\",\"nationality\":\"CHN\",\"dateOfBirth\":\"1990-01-01\"}]}";
                try {
                    KeepAliveHttp.Answer a = connections[client].postJson("/api/bookings", token, body);
                    if (a.status() != 201) {
                        firstRefusal.compareAndSet(null, a.status() + " " + a.body());
                    }
                    return a.status() == 201;
                } catch (java.io.IOException e) {
                    firstRefusal.compareAndSet(null, e.toString());
                    return false;
                }
            });
            for (KeepAliveHttp c : connections) {
                c.close();
            }
            report("Lancang over HTTP (hold committed before the answer)", lancang, 5000);
            // The same holds called in-process: what the HTTP layer (and its clients, on the same two cores) costs.
            Result direct = drive(client -> {
                int k = n.incrementAndGet();
                try {
                    platform.sales().hold("bench", "bench", new HoldRequest(trains.get(k % trains.size()),
                            first.plusDays(k / trains.size() % 13), "KMS", "PUE", SeatClass.SECOND, null, 0,
                            List.of(new Passenger("B" + k, DocumentType.CHINESE_RESIDENT_ID, "ID" + (1_000_000 + k),
                                    "CHN", LocalDate.of(1990, 1, 1), null)), Currency.CNY));
                    return true;
                } catch (RuntimeException refused) {
                    firstRefusal.compareAndSet(null, refused.toString());
                    return false;
                }
            });
            report("Lancang in-process (the same holds, no HTTP)", direct, 0);
            if (firstRefusal.get() != null) {
                out.println("  first refusal: " + firstRefusal.get());
            }
            Result sql = sqlBaseline(platform.database().dataSource(), trains.size());
            report("SQL baseline in-process (SELECT … FOR UPDATE, one transaction each)", sql, 0);
            out.printf(Locale.ROOT, "ratio to the SQL baseline's bookings per second: Lancang over HTTP %.1f×,"
                    + " in-process %.1f×%n", lancang.perSecond() / Math.max(1e-9, sql.perSecond()),
                    direct.perSecond() / Math.max(1e-9, sql.perSecond()));
        }
        out.flush();
    }

    private record Result(int ok, int failed, double seconds, double p50, double p99) {
        double perSecond() {
            return ok / seconds;
        }
    }

    private void report(String name, Result r, int target) {
        out.printf(Locale.ROOT, "%-70s %,8.0f bookings/s  p50 %.1f ms  p99 %.1f ms  (%d ok, %d refused)%s%n", name,
                r.perSecond(), r.p50(), r.p99(), r.ok(), r.failed(),
                target > 0 ? "  (target ≥ " + target + "/s, p99 < 50 ms: " + (r.perSecond() >= target && r.p99() < 50
                        ? "met" : "NOT met") + ")" : "");
    }

    /** {@code CLIENTS} threads call {@code booking} for {@code seconds} (after a warm-up of 2 s). */
    private Result drive(IntPredicate booking) throws Exception {
        run(booking, 2, new ArrayList<>(), new AtomicInteger(), new AtomicInteger());
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long t0 = System.nanoTime();
        run(booking, seconds, latencies, ok, failed);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        double p99 = sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(sorted.size() * 0.99)));
        return new Result(ok.get(), failed.get(), elapsed, p50, p99);
    }

    private static void run(IntPredicate booking, int seconds, List<Double> latencies, AtomicInteger ok,
                            AtomicInteger failed) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t = System.nanoTime();
                    boolean done = booking.test(client);
                    latencies.add((System.nanoTime() - t) / 1e6);
                    (done ? ok : failed).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    /** The straightforward way: one row per seat and segment, locked, checked and updated in one transaction. */
    private Result sqlBaseline(DataSource db, int runs) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_seat_segment (run int, seat int, segment int, booking int,"
                    + " PRIMARY KEY (run, seat, segment))");
            s.execute("TRUNCATE bench_seat_segment");
            s.execute("INSERT INTO bench_seat_segment SELECT r, seat, seg, NULL FROM generate_series(0, " + (runs - 1)
                    + ") r, generate_series(0, 719) seat, generate_series(0, 8) seg");
        }
        AtomicInteger n = new AtomicInteger();
        return drive(client -> {
            int k = n.incrementAndGet();
            int run = k % runs;
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement find = c.prepareStatement("SELECT seat FROM bench_seat_segment WHERE run = ?"
                        + " AND segment BETWEEN 0 AND 1 GROUP BY seat HAVING bool_and(booking IS NULL) ORDER BY seat LIMIT 1")) {
                    find.setInt(1, run);
                    try (ResultSet rs = find.executeQuery()) {
                        if (!rs.next()) {
                            c.rollback();
                            return false;
                        }
                        int seat = rs.getInt(1);
                        try (PreparedStatement lock = c.prepareStatement("SELECT booking FROM bench_seat_segment WHERE run = ?"
                                + " AND seat = ? AND segment BETWEEN 0 AND 1 FOR UPDATE")) {
                            lock.setInt(1, run);
                            lock.setInt(2, seat);
                            try (ResultSet locked = lock.executeQuery()) {
                                while (locked.next()) {
                                    if (locked.getObject(1) != null) {
                                        c.rollback(); // taken meanwhile: this buyer tries again
                                        return false;
                                    }
                                }
                            }
                        }
                        try (PreparedStatement take = c.prepareStatement("UPDATE bench_seat_segment SET booking = ?"
                                + " WHERE run = ? AND seat = ? AND segment BETWEEN 0 AND 1")) {
                            take.setInt(1, k);
                            take.setInt(2, run);
                            take.setInt(3, seat);
                            take.executeUpdate();
                        }
                    }
                }
                c.commit();
                return true;
            } catch (Exception e) {
                return false;
            }
        });
    }
}
