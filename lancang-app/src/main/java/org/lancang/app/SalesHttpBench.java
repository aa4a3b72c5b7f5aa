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
 * database, 64 clients booking one seat a request over the legs of the domestic EMU trains and 13 days, throughput and
 * latency percentiles after a warm-up; then the floor (GET /health), the same holds in-process, and the
 * straightforward SQL way on the same PostgreSQL (seat-segment rows locked with SELECT … FOR UPDATE, one transaction
 * per booking) with as many client threads, and the ratios.
 */
final class SalesHttpBench {
    private static final int CLIENTS = 64;
    private static final int DAYS = 13;
    /** Warm-up of the systems that run after the server is warm (the code they share is compiled by then). */
    private static final int SHORT_WARMUP = 5;

    private final PrintWriter out;
    private final int seconds;
    private final int warmupSeconds;
    /** The embedded database's folder, whose processes' CPU time is reported. */
    private Path postgresDir;

    SalesHttpBench(PrintWriter out, int seconds, int warmupSeconds) {
        this.out = out;
        this.seconds = seconds;
        this.warmupSeconds = warmupSeconds;
    }

    void run() throws Exception {
        Path dir = Files.createTempDirectory("lancang-bench");
        postgresDir = dir.resolve("postgres");
        try (Platform platform = Platform.start(
                        DatabaseConfig.embedded(postgresDir),
                        new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS),
                        Clock.systemUTC());
                WebServer server = WebServer.start(platform, "127.0.0.1", 0)) {
            // 64 buyers, one per client, as in a rush
            String[] tokens = new String[CLIENTS];
            for (int c = 0; c < CLIENTS; c++) {
                platform.users().register("buyer" + c, "Buyer " + c, "bench password " + c);
                tokens[c] = platform.users()
                        .signIn("buyer" + c, "bench password " + c, org.lancang.store.users.UserService.TokenKind.API)
                        .orElseThrow()
                        .token();
            }
            List<Leg> legs = legs(platform);
            // Spread over the runs of the next 13 days, so that a minute of warm-up does not sell them out.
            LocalDate first =
                    LocalDate.now().plusDays(2); // whatever the zone, every train of the day is still to leave
            for (int d = 0; d < DAYS; d++) { // a server in steady state has its runs in memory already
                platform.sales().journeys("KMS", "XSB", first.plusDays(d), Currency.CNY);
                platform.sales().journeys("XSB", "KMS", first.plusDays(d), Currency.CNY);
            }
            long trains = legs.stream().map(Leg::train).distinct().count();
            // the k-th booking of any system: the legs in turn, day after day
            java.util.function.IntFunction<Booked> nth =
                    k -> new Booked(legs.get(k % legs.size()), first.plusDays(k / legs.size() % DAYS));
            AtomicInteger n = new AtomicInteger();
            java.util.concurrent.atomic.AtomicReference<String> firstRefusal =
                    new java.util.concurrent.atomic.AtomicReference<>();
            out.printf(
                    Locale.ROOT,
                    "end to end: %d clients on this machine (one load thread, like wrk), %d s warm-up then"
                            + " %d s measured per system; %d legs of %d domestic EMU trains × %d days%n",
                    CLIENTS,
                    warmupSeconds,
                    seconds,
                    legs.size(),
                    trains,
                    DAYS);
            String host = "127.0.0.1";
            int port = server.port();
            HttpLoad bookings = new HttpLoad(
                    host,
                    port,
                    CLIENTS,
                    client -> {
                        int k = n.incrementAndGet();
                        Booked b = nth.apply(k);
                        return HttpLoad.postJson(
                                host,
                                port,
                                "/api/bookings",
                                tokens[client],
                                "{\"train\":\"" + b.leg().train()
                                        + "\",\"date\":\"" + b.date() + "\",\"from\":\""
                                        + b.leg().from() + "\",\"to\":\""
                                        + b.leg().to()
                                        + "\",\"seatClass\":\"SECOND\",\"currency\":\"CNY\",\"passengers\":[{\"name\":\"B"
                                        + k
                                        + "\",\"documentType\":\"CHINESE_RESIDENT_ID\",\"documentNumber\":\"ID"
                                        + (1_000_000 + k)
                                        + "\",\"nationality\":\"CHN\",\"dateOfBirth\":\"1990-01-01\"}]}");
                    },
                    201,
                    refused -> firstRefusal.compareAndSet(null, refused));
            Result lancang = drive("Lancang over HTTP", warmupSeconds, bookings::run);
            report("Lancang over HTTP (hold committed before the answer)", lancang, 5000);
            // The floor: the cheapest answer this server gives (GET /health), with the same clients on the same cores.
            byte[] health = HttpLoad.get(host, port, "/health");
            Result floor = drive(
                    "HTTP floor",
                    SHORT_WARMUP,
                    new HttpLoad(
                            host,
                            port,
                            CLIENTS,
                            client -> health,
                            200,
                            refused -> firstRefusal.compareAndSet(null, refused))::run);
            report("HTTP floor: GET /health (one SELECT 1), same clients", floor, 0);
            // The same holds called in-process: what the HTTP layer (and its clients, on the same two cores) costs.
            Result direct = drive("in-process", SHORT_WARMUP, threads(client -> {
                int k = n.incrementAndGet();
                Booked b = nth.apply(k);
                try {
                    platform.sales()
                            .hold(
                                    "buyer" + client,
                                    "buyer" + client,
                                    new HoldRequest(
                                            b.leg().train(),
                                            b.date(),
                                            b.leg().from(),
                                            b.leg().to(),
                                            SeatClass.SECOND,
                                            null,
                                            0,
                                            List.of(new Passenger(
                                                    "B" + k,
                                                    DocumentType.CHINESE_RESIDENT_ID,
                                                    "ID" + (1_000_000 + k),
                                                    "CHN",
                                                    LocalDate.of(1990, 1, 1),
                                                    null)),
                                            Currency.CNY));
                    return true;
                } catch (RuntimeException refused) {
                    firstRefusal.compareAndSet(null, refused.toString());
                    return false;
                }
            }));
            report("Lancang in-process (the same holds, no HTTP)", direct, 0);
            if (firstRefusal.get() != null) {
                out.println("  first refusal: " + firstRefusal.get());
            }
            Result sql = sqlBaseline(platform.database().dataSource(), (int) trains);
            report("SQL baseline in-process (SELECT … FOR UPDATE, one transaction each)", sql, 0);
            out.printf(
                    Locale.ROOT,
                    "ratio to the SQL baseline's bookings per second (median windows): Lancang over"
                            + " HTTP %.1f×, in-process %.1f×%n",
                    lancang.medianWindow() / Math.max(1e-9, sql.medianWindow()),
                    direct.medianWindow() / Math.max(1e-9, sql.medianWindow()));
        }
        out.flush();
    }

    /** A one-segment journey on a domestic EMU train: every leg sells out on its own. */
    private record Leg(String train, String from, String to) {}

    /** What one booking asks for: a leg on a date. */
    private record Booked(Leg leg, LocalDate date) {}

    /**
     * Each domestic EMU passenger train of the timetable whose operator sells all the benchmark's days ahead (in the
     * shipped data the Chinese C trains: LCR sells 7 days ahead), as its one-segment legs from call to call: enough
     * seats that the warm-up and the measured runs do not sell them out.
     */
    private static List<Leg> legs(Platform platform) {
        List<Leg> legs = new ArrayList<>();
        var network = platform.reference().network();
        var stock = platform.reference().rollingStock();
        for (var plan : platform.timetable().plans()) {
            boolean domestic = network.point(plan.from()).orElseThrow().country()
                    == network.point(plan.to()).orElseThrow().country();
            boolean emu =
                    stock.type(plan.trainType()).orElseThrow().category() == org.lancang.rollingstock.TrainCategory.EMU;
            boolean onSale =
                    org.lancang.ticketing.SalesWindow.defaults().daysAhead().getOrDefault(plan.operator(), 0) > DAYS;
            if (!plan.passenger() || !domestic || !emu || !onSale) {
                continue;
            }
            List<String> calls = new ArrayList<>();
            calls.add(plan.from());
            plan.stops().forEach(stop -> calls.add(stop.point()));
            calls.add(plan.to());
            for (int i = 0; i + 1 < calls.size(); i++) {
                legs.add(new Leg(plan.number(), calls.get(i), calls.get(i + 1)));
            }
        }
        return legs;
    }

    /**
     * A measured run: answers in all, and per 5-second window. The machine's neighbours make single windows swing by
     * ±10 %, so the rate compared with a target is the median window; the overall rate is shown beside it.
     */
    private record Result(
            int ok, int failed, double seconds, List<Double> windows, double p50, double p99, String cpu) {
        double perSecond() {
            return ok / seconds;
        }

        double medianWindow() {
            if (windows.isEmpty()) {
                return perSecond();
            }
            List<Double> sorted = new ArrayList<>(windows);
            Collections.sort(sorted);
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
    }

    private void report(String name, Result r, int target) {
        double median = r.medianWindow();
        out.printf(
                Locale.ROOT,
                "%-70s %,8.0f bookings/s (median of %d windows of %d s, %,.0f–%,.0f; overall %,.0f)"
                        + "  p50 %.1f ms  p99 %.1f ms  (%d ok, %d refused)%s%n",
                name,
                median,
                r.windows().size(),
                WINDOW_SECONDS,
                r.windows().stream().mapToDouble(Double::doubleValue).min().orElse(0),
                r.windows().stream().mapToDouble(Double::doubleValue).max().orElse(0),
                r.perSecond(),
                r.p50(),
                r.p99(),
                r.ok(),
                r.failed(),
                target > 0
                        ? "  (target ≥ " + target + "/s, p99 < 50 ms: "
                                + (median >= target && r.p99() < 50 ? "met" : "NOT met") + ")"
                        : "");
        out.println("  " + r.cpu());
    }

    /**
     * {@code CLIENTS} clients run {@code load} for {@code warmup} seconds, then for {@code seconds} measured, both
     * counted per {@value #WINDOW_SECONDS}-second window. The warm-up's windows are printed: on two busy cores the JIT
     * compiler needs a minute or more to finish with the server.
     */
    private Result drive(String name, int warmup, Load load) throws Exception {
        AtomicInteger warmOk = new AtomicInteger();
        // the same kind of list as measured: a call site that sees another class is recompiled mid-measurement
        List<Double> warmWindows = windows(
                warmOk,
                () -> load.run(warmup, Collections.synchronizedList(new ArrayList<>()), warmOk, new AtomicInteger()));
        if (warmup >= 10) {
            StringBuilder trace = new StringBuilder();
            warmWindows.forEach(w -> trace.append(String.format(Locale.ROOT, " %,.0f", w)));
            out.printf(Locale.ROOT, "  %s warm-up, per second in each %d s:%s%n", name, WINDOW_SECONDS, trace);
            out.flush();
        }
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CpuUse cpu0 = CpuUse.now(postgresDir);
        long t0 = System.nanoTime();
        List<Double> windows = windows(ok, () -> load.run(seconds, latencies, ok, failed));
        double elapsed = (System.nanoTime() - t0) / 1e9;
        String cpu = CpuUse.now(postgresDir).since(cpu0, ok.get() + failed.get());
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
        double p99 =
                sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(sorted.size() * 0.99)));
        return new Result(ok.get(), failed.get(), elapsed, windows, p50, p99, cpu);
    }

    private static final int WINDOW_SECONDS = 5;

    /**
     * Runs {@code load} while counting {@code done} per window: answers per second in each. The last window ends with
     * the load and counts if it lasted most of a window (the load and the clock here start a moment apart).
     */
    private static List<Double> windows(AtomicInteger done, Running load) throws Exception {
        List<long[]> samples = Collections.synchronizedList(new ArrayList<>()); // {nanoTime, answers so far}
        samples.add(new long[] {System.nanoTime(), done.get()});
        Thread counter = new Thread(() -> {
            long next = samples.get(0)[0];
            try {
                while (true) {
                    next += WINDOW_SECONDS * 1_000_000_000L;
                    Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
                    samples.add(new long[] {System.nanoTime(), done.get()});
                }
            } catch (InterruptedException stop) {
                // the load is over
            }
        });
        counter.setDaemon(true);
        counter.start();
        try {
            load.run();
        } finally {
            counter.interrupt();
            counter.join();
        }
        samples.add(new long[] {System.nanoTime(), done.get()});
        List<Double> windows = new ArrayList<>();
        for (int i = 1; i < samples.size(); i++) {
            double seconds = (samples.get(i)[0] - samples.get(i - 1)[0]) / 1e9;
            if (seconds >= 0.8 * WINDOW_SECONDS) {
                windows.add((samples.get(i)[1] - samples.get(i - 1)[1]) / seconds);
            }
        }
        return windows;
    }

    private interface Running {
        void run() throws Exception;
    }

    /** Load for a number of seconds, counting answers and recording each one's latency in milliseconds. */
    private interface Load {
        void run(int seconds, List<Double> latencies, AtomicInteger ok, AtomicInteger failed) throws Exception;
    }

    /** A thread per client calling {@code booking} in a loop: for the systems called in-process. */
    private static Load threads(IntPredicate booking) {
        return (seconds, latencies, ok, failed) -> run(booking, seconds, latencies, ok, failed);
    }

    private static void run(
            IntPredicate booking, int seconds, List<Double> latencies, AtomicInteger ok, AtomicInteger failed)
            throws Exception {
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
        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS bench_seat_segment (run int, seat int, segment int, booking int,"
                    + " PRIMARY KEY (run, seat, segment))");
            s.execute("TRUNCATE bench_seat_segment");
            s.execute("INSERT INTO bench_seat_segment SELECT r, seat, seg, NULL FROM generate_series(0, " + (runs - 1)
                    + ") r, generate_series(0, 719) seat, generate_series(0, 8) seg");
        }
        AtomicInteger n = new AtomicInteger();
        return drive("SQL baseline", SHORT_WARMUP, threads(client -> {
            int k = n.incrementAndGet();
            int run = k % runs;
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement find = c.prepareStatement(
                        "SELECT seat FROM bench_seat_segment WHERE run = ?"
                                + " AND segment BETWEEN 0 AND 1 GROUP BY seat HAVING bool_and(booking IS NULL) ORDER BY seat LIMIT 1")) {
                    find.setInt(1, run);
                    try (ResultSet rs = find.executeQuery()) {
                        if (!rs.next()) {
                            c.rollback();
                            return false;
                        }
                        int seat = rs.getInt(1);
                        try (PreparedStatement lock =
                                c.prepareStatement("SELECT booking FROM bench_seat_segment WHERE run = ?"
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
        }));
    }
}
