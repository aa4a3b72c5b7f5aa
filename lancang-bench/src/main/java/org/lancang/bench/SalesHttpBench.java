package org.lancang.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntPredicate;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.lancang.money.Currency;
import org.lancang.rollingstock.Seat;
import org.lancang.rollingstock.SeatClass;
import org.lancang.rollingstock.TrainCategory;
import org.lancang.store.Platform;
import org.lancang.store.db.Database;
import org.lancang.store.db.DatabaseConfig;
import org.lancang.store.networks.ServedNetwork;
import org.lancang.store.operations.ServerClock;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.sales.SalesRecords.HoldRequest;
import org.lancang.store.sales.SalesService;
import org.lancang.store.users.UserService;
import org.lancang.ticketing.JourneyDocuments;
import org.lancang.ticketing.NumberCheck;
import org.lancang.ticketing.Passenger;
import org.lancang.ticketing.SalesWindow;
import org.lancang.ticketing.TravelDocument;
import org.lancang.timetable.TrainPlan;
import org.lancang.web.WebServer;

/**
 * End-to-end sales over HTTP with the PostgreSQL commit: 64 clients booking one seat a request over the one-segment legs
 * of the domestic EMU trains and 13 days (on another network served, {@code --network}: of all its passenger trains,
 * every class, seats and berths, over the days its operators sell ahead, in its currency, each passenger with a
 * document the leg's journey takes), throughput and latency percentiles after a warm-up; then the floor (GET
 * /health), the same holds in-process, and the straightforward SQL way (seat-segment rows locked with SELECT … FOR
 * UPDATE, one transaction per booking) with as many client threads, and the ratios.
 * <p>
 * Only successful bookings are counted, and each system sells on fresh data of its own (a new database in one
 * embedded PostgreSQL), so that none starves the next: the warm-up moves to a fresh database whenever the one in use
 * could not take another slice of it, and a measured phase starts only if its data can take what it will sell. A phase
 * whose refusals exceed 1 % of its answers, or that sells nothing, fails the benchmark loudly ({@link Degenerated}):
 * its figures would measure refusals, not sales.
 */
final class SalesHttpBench {
    private static final int CLIENTS = 64;
    private static final int DAYS = 13;
    /** Days sold from the first: {@link #DAYS} at home, fewer where another network's operators sell less ahead. */
    private int days = DAYS;
    /** Warm-up of the systems that run after the server is warm (the code they share is compiled by then). */
    private static final int SHORT_WARMUP = 5;
    /** The HTTP warm-up runs in slices of this many seconds, each on data that can still take it. */
    private static final int SLICE_SECONDS = 30;
    /** The most refusals a measured phase may have, as a share of its answers. */
    static final double MAX_REFUSED = 0.01;
    /** Runs of the SQL baseline's table: 720 seats × 4 two-segment journeys each, enough for minutes of it. */
    private static final int SQL_RUNS = 200;

    /** The workload degenerated (sold out, refused, nothing sold): the figures would mean nothing. */
    static final class Degenerated extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Degenerated(String message) {
            super(message);
        }
    }

    private final PrintWriter out;
    private final int seconds;
    private final int warmupSeconds;
    /** The network whose trains are sold: home (China–Laos) or another one served beside it. */
    private final String network;
    /** The run's one clock: the first day sold and the platforms' present. */
    private final Clock clock;
    /** The embedded database's folder, whose processes' CPU time is reported. */
    private Path postgresDir;
    /** The embedded PostgreSQL every fresh database lives in. */
    private Database host;

    private int databases;
    private List<Leg> legs;
    /** The legs in the order they are booked, each as often as its seats allow (a berth car less than a seat car). */
    private List<Leg> order;

    private LocalDate first;
    /** Seats for sale in one system's data: every leg's class on every day. */
    private long capacity;

    private final AtomicReference<String> firstRefusal = new AtomicReference<>();

    /**
     * @param clock the run's "now", which the days sold count from and every server of the run takes: the commands'
     *              clock, {@code LANCANG_CLOCK} or the system clock ({@link ServerClock#fromEnvironment})
     */
    SalesHttpBench(PrintWriter out, int seconds, int warmupSeconds, String network, Clock clock) {
        this.out = out;
        this.seconds = seconds;
        this.warmupSeconds = warmupSeconds;
        this.network = network;
        this.clock = clock;
    }

    private boolean home() {
        return network.equals(ClasspathDataFiles.CHINA_LAOS);
    }

    void run() throws Exception {
        Path dir = Files.createTempDirectory("lancang-bench");
        postgresDir = dir.resolve("postgres");
        try (Database embedded = Database.start(DatabaseConfig.embedded(postgresDir))) {
            host = embedded;
            // Spread over the runs of the next 13 days: whatever the zone, every train of the day is still to leave.
            // Counted on the run's clock, as the platforms' sales windows are: LANCANG_CLOCK's when it is set.
            first = LocalDate.now(clock).plusDays(2);
            double warmRate;
            try (FreshSales warm = new FreshSales(true)) {
                legs = home() ? legs(warm.platform) : legs(warm.platform, network);
                if (legs.isEmpty() || days < 1) {
                    throw new Degenerated("the network " + network + " has no passenger train on sale from the day"
                            + " after tomorrow: nothing to sell");
                }
                capacity = capacity(legs);
                order = inProportion(legs);
                long trains = legs.stream().map(Leg::train).distinct().count();
                out.printf(
                        Locale.ROOT,
                        "end to end: %d clients on this machine (one load thread, like wrk), %d s warm-up then"
                                + " %d s measured per system; %d legs of %d %s × %d days from %s = %,d seats for sale"
                                + " in each system's own fresh database%n",
                        CLIENTS,
                        warmupSeconds,
                        seconds,
                        legs.size(),
                        trains,
                        home() ? "domestic EMU trains" : "passenger trains of " + network + " (every class)",
                        days,
                        first,
                        capacity);
                if (!home()) {
                    out.println("  paid in and travelling with: "
                            + legs.stream()
                                    .map(leg -> leg.currency().code() + " "
                                            + leg.traveller().documentType() + " "
                                            + leg.traveller().nationality())
                                    .distinct()
                                    .sorted()
                                    .toList());
                }
                warmRate = warmUp(warm);
            }
            Result lancang;
            Result floor;
            try (FreshSales measured = new FreshSales(true)) {
                requireRoomFor("Lancang over HTTP", warmRate * seconds);
                lancang = drive("Lancang over HTTP", 0, measured.bookings()::run);
                measured.sold += lancang.ok();
                report("Lancang over HTTP (hold committed before the answer)", lancang, 5000);
                // The floor: the cheapest answer this server gives (GET /health), same clients on the same cores.
                byte[] health = HttpLoad.get("127.0.0.1", measured.server.port(), "/health");
                floor = drive(
                        "HTTP floor",
                        SHORT_WARMUP,
                        new HttpLoad(
                                "127.0.0.1",
                                measured.server.port(),
                                CLIENTS,
                                client -> health,
                                200,
                                refused -> firstRefusal.compareAndSet(null, refused))::run);
                report("HTTP floor: GET /health (one SELECT 1), same clients", floor, 0);
            }
            Result direct = null;
            // The same holds called in-process: what the HTTP layer (and its clients, same cores) costs. Warmed up on
            // data of its own, so that a network with few seats (the Bangkok line's) is not half sold when measured.
            double inProcessWarmRate;
            try (FreshSales warming = new FreshSales(false)) {
                inProcessWarmRate = warm(SHORT_WARMUP, threads(warming::holdInProcess));
            }
            // in-process has sold up to about twice the bookings over HTTP (docs/performance/sales.md), and, once
            // compiled, up to about twice its own warm-up's rate (measured on the Bangkok line: 8,700/s warming,
            // 13,800/s measured): a network whose seats cannot take that is not measured in-process, rather than
            // measured selling out
            double inProcessExpected = Math.max(2.5 * lancang.medianWindow(), 2 * inProcessWarmRate) * seconds;
            if (inProcessExpected * 1.25 > capacity) {
                out.printf(
                        Locale.ROOT,
                        "Lancang in-process (the same holds, no HTTP): not measured: in %d s it would sell about %,.0f"
                                + " of the %,d seats its data has (the home network's bench measures it)%n",
                        seconds,
                        inProcessExpected,
                        capacity);
            } else {
                try (FreshSales inProcess = new FreshSales(false)) {
                    direct = drive("Lancang in-process", 0, threads(inProcess::holdInProcess));
                    report("Lancang in-process (the same holds, no HTTP)", direct, 0);
                }
            }
            if (firstRefusal.get() != null) {
                out.println("  first refusal: " + firstRefusal.get());
            }
            Result sql = sqlBaseline();
            report("SQL baseline in-process (SELECT … FOR UPDATE, one transaction each)", sql, 0);
            out.printf(
                    Locale.ROOT,
                    "ratio to the SQL baseline's bookings per second (median windows): Lancang over HTTP %s,"
                            + " in-process %s%n",
                    ratio(lancang, sql),
                    direct == null ? "not measured" : ratio(direct, sql));
        }
        out.flush();
    }

    /** A ratio only of figures that are not zero (a zero would have failed its phase already). */
    private static String ratio(Result a, Result b) {
        return ratio(a.medianWindow(), b.medianWindow());
    }

    static String ratio(double a, double b) {
        if (a <= 0 || b <= 0) {
            return "n/a (a zero figure)";
        }
        return String.format(Locale.ROOT, "%.1f×", a / b);
    }

    /** A phase measured sales only if it sold something and refused at most {@link #MAX_REFUSED} of its answers. */
    static void requireSales(String phase, int ok, int refused, String firstRefusal) {
        int answers = ok + refused;
        if (ok == 0 || refused > MAX_REFUSED * answers) {
            throw new Degenerated(String.format(
                    Locale.ROOT,
                    "%s: %,d of %,d answers refused (at most %.0f %% may be; first: %s): the workload degenerated, its"
                            + " figures would measure refusals, not sales",
                    phase,
                    refused,
                    answers,
                    MAX_REFUSED * 100,
                    firstRefusal));
        }
    }

    /** Refuses to start a phase whose data cannot take what it will sell (with a quarter to spare). */
    private void requireRoomFor(String phase, double expected) {
        if (expected * 1.25 > capacity) {
            throw new Degenerated(String.format(
                    Locale.ROOT,
                    "%s would sell about %,.0f seats but its data has %,d: measure fewer seconds (--http-seconds)",
                    phase,
                    expected,
                    capacity));
        }
    }

    /**
     * The server's warm-up, in slices, so that the JIT compiles the path of a successful booking: each slice on data
     * that can still take it (a fresh database when the last slice's rate would not fit). Returns the last slice's rate.
     */
    private double warmUp(FreshSales initial) throws Exception {
        FreshSales sales = initial;
        List<FreshSales> opened = new ArrayList<>();
        StringBuilder trace = new StringBuilder();
        double rate = 0;
        int refused = 0;
        try {
            for (int left = warmupSeconds; left > 0; left -= SLICE_SECONDS) {
                int slice = Math.min(SLICE_SECONDS, left);
                if (sales.sold + rate * slice * 1.5 > capacity) {
                    sales = new FreshSales(true);
                    opened.add(sales);
                }
                AtomicInteger ok = new AtomicInteger();
                AtomicInteger failed = new AtomicInteger();
                HttpLoad load = sales.bookings();
                List<Double> windows =
                        windows(ok, () -> load.run(slice, Collections.synchronizedList(new ArrayList<>()), ok, failed));
                windows.forEach(w -> trace.append(String.format(Locale.ROOT, " %,.0f", w)));
                sales.sold += ok.get();
                refused += failed.get();
                rate = windows.isEmpty() ? ok.get() / (double) slice : windows.get(windows.size() - 1);
            }
        } finally {
            for (FreshSales s : opened) {
                s.close();
            }
        }
        if (warmupSeconds >= 10) {
            out.printf(
                    Locale.ROOT,
                    "  Lancang over HTTP warm-up, per second in each %d s:%s (%d fresh database(s), %,d refused)%n",
                    WINDOW_SECONDS,
                    trace,
                    opened.size() + 1,
                    refused);
            out.flush();
        }
        return rate;
    }

    /**
     * One system's own data: a new database in the embedded PostgreSQL with the reference network, a Lancang on it
     * (serving HTTP when {@code web}), 64 buyers with their accounts signed in, and the runs of the 13 days loaded, as
     * a server in steady state has them. Closed, its database is dropped.
     */
    private final class FreshSales implements AutoCloseable {
        final String database;
        final Platform platform;
        final WebServer server;
        final String[] tokens = new String[CLIENTS];
        final AtomicInteger n = new AtomicInteger();
        long sold;

        FreshSales(boolean web) {
            database = "bench_" + ++databases;
            try (Connection c = host.dataSource().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the bench database " + database, e);
            }
            platform = Platform.start(
                    DatabaseConfig.external(url(database), "postgres", null),
                    new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS),
                    home() ? List.of() : List.of(new ClasspathDataFiles(network)),
                    clock);
            server = web ? WebServer.start(platform, "127.0.0.1", 0) : null;
            for (int c = 0; c < CLIENTS; c++) {
                platform.users().register("buyer" + c, "Buyer " + c, "bench password " + c);
                tokens[c] = platform.users()
                        .signIn("buyer" + c, "bench password " + c, UserService.TokenKind.API)
                        .orElseThrow()
                        .token();
            }
            if (home()) {
                Currency currency = platform.sales().defaultCurrency();
                for (int d = 0; d < DAYS; d++) {
                    platform.sales().journeys("KMS", "XSB", first.plusDays(d), currency);
                    platform.sales().journeys("XSB", "KMS", first.plusDays(d), currency);
                }
            } else if (legs != null) {
                // each train's runs from end to end, as a server that has sold them has them in memory
                for (String train : legs.stream().map(Leg::train).distinct().toList()) {
                    SalesService sales = platform.networkSales().ofTrain(train);
                    TrainPlan plan = platform.networks()
                            .find(network)
                            .orElseThrow()
                            .plan(train)
                            .orElseThrow();
                    for (int d = 0; d < days; d++) {
                        sales.journeys(plan.from(), plan.to(), first.plusDays(d), sales.defaultCurrency());
                    }
                }
            }
        }

        /** The k-th booking of this system: the legs in turn, day after day. */
        Booked nth(int k) {
            return new Booked(order.get(k % order.size()), first.plusDays(k / order.size() % days));
        }

        HttpLoad bookings() {
            String h = "127.0.0.1";
            int port = server.port();
            return new HttpLoad(
                    h,
                    port,
                    CLIENTS,
                    client -> {
                        int k = n.incrementAndGet();
                        Booked b = nth(k);
                        Traveller t = b.leg().traveller();
                        return HttpLoad.postJson(
                                h,
                                port,
                                "/api/bookings",
                                tokens[client],
                                "{\"train\":\"" + b.leg().train()
                                        + "\",\"date\":\"" + b.date() + "\",\"from\":\""
                                        + b.leg().from() + "\",\"to\":\""
                                        + b.leg().to()
                                        + "\",\"seatClass\":\"" + b.leg().seatClass() + "\",\"currency\":\""
                                        + b.leg().currency().code() + "\",\"passengers\":[{\"name\":\"B"
                                        + k
                                        + "\",\"documentType\":\"" + t.documentType() + "\",\"documentNumber\":\""
                                        + t.number(k)
                                        + "\",\"nationality\":\"" + t.nationality() + "\","
                                        + (t.expiryRequired()
                                                ? "\"documentExpiry\":\"" + first.plusYears(5) + "\","
                                                : "")
                                        + "\"dateOfBirth\":\"1990-01-01\"}]}");
                    },
                    201,
                    refused -> firstRefusal.compareAndSet(null, refused));
        }

        boolean holdInProcess(int client) {
            int k = n.incrementAndGet();
            Booked b = nth(k);
            Traveller t = b.leg().traveller();
            try {
                platform.networkSales()
                        .ofTrain(b.leg().train())
                        .hold(
                                "buyer" + client,
                                "buyer" + client,
                                new HoldRequest(
                                        b.leg().train(),
                                        b.date(),
                                        b.leg().from(),
                                        b.leg().to(),
                                        b.leg().seatClass(),
                                        null,
                                        0,
                                        List.of(new Passenger(
                                                "B" + k,
                                                t.documentType(),
                                                t.number(k),
                                                t.nationality(),
                                                LocalDate.of(1990, 1, 1),
                                                t.expiryRequired() ? first.plusYears(5) : null)),
                                        b.leg().currency()));
                return true;
            } catch (RuntimeException refused) {
                firstRefusal.compareAndSet(null, refused.toString());
                return false;
            }
        }

        @Override
        public void close() {
            if (server != null) {
                server.close();
            }
            platform.close();
            drop(database);
        }
    }

    /** The JDBC URL of a database in the embedded PostgreSQL. */
    private String url(String database) {
        try (Connection c = host.dataSource().getConnection()) {
            return c.getMetaData().getURL().replaceFirst("/postgres(\\?|$)", "/" + database + "$1");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the embedded PostgreSQL's URL", e);
        }
    }

    private void drop(String database) {
        try (Connection c = host.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            out.println("  (could not drop " + database + ": " + e.getMessage() + ")");
        }
    }

    /**
     * The legs, each repeated as many times as it has the fewest seats of any (rounded), so that the rush fills every
     * class alike instead of selling out the smallest first: at home every leg has the same seats, and so once.
     */
    static <L> List<L> inProportion(List<L> legs, ToLongFunction<L> seats) {
        long fewest = legs.stream().mapToLong(seats).min().orElse(1);
        List<L> order = new ArrayList<>();
        for (L leg : legs) {
            long times = Math.max(1, Math.round(seats.applyAsLong(leg) / (double) fewest));
            for (long i = 0; i < times; i++) {
                order.add(leg);
            }
        }
        return order;
    }

    private static List<Leg> inProportion(List<Leg> legs) {
        return inProportion(legs, Leg::seats);
    }

    /** The seats of every leg's class on every day: what one system's data can sell. */
    private long capacity(List<Leg> legs) {
        return legs.stream().mapToLong(Leg::seats).sum() * days;
    }

    /**
     * A one-segment journey in one class, which sells out on its own ({@code seats} of them), paid in {@code currency},
     * by a traveller with a document the journey takes.
     */
    private record Leg(
            String train,
            String from,
            String to,
            SeatClass seatClass,
            long seats,
            Currency currency,
            Traveller traveller) {}

    /**
     * Who books a leg: a document the leg's journey takes (its country's own card where it takes one, else the first
     * it takes, as the network's documents.csv lists them), the nationality it says, and numbers that fit it.
     */
    record Traveller(String documentType, String nationality, boolean expiryRequired, boolean checkDigit) {
        /** The k-th traveller's document number: thirteen digits with their check digit, or letters and digits. */
        String number(int k) {
            if (!checkDigit) {
                return "ID" + (1_000_000 + k);
            }
            String twelve = String.format(Locale.ROOT, "%012d", 100_000_000_000L + k);
            int sum = 0;
            for (int i = 0; i < 12; i++) {
                sum += (twelve.charAt(i) - '0') * (13 - i);
            }
            return twelve + (11 - sum % 11) % 10;
        }

        /**
         * The nationality a traveller from {@code country} with {@code document} gives: the one the document says (a
         * country's own card), else that of the country, else (a made-up country such as a test network's, which ISO
         * 3166 does not list, nor a booking's nationality) the first ISO 3166 lists: a booking takes any listed one.
         */
        static String nationality(TravelDocument document, String country) {
            return document.nationality()
                    .or(() -> TravelDocument.nationalityOf(country))
                    .orElseGet(() -> Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3).stream()
                            .sorted()
                            .findFirst()
                            .orElseThrow(() -> new Degenerated("the JDK lists no ISO 3166 country")));
        }

        /** The traveller of a journey that takes {@code documents}, from {@code country} (ISO alpha-2). */
        static Traveller of(JourneyDocuments documents, String country) {
            TravelDocument document = documents.accepted().stream()
                    .filter(d -> d.issuedBy().equals(country))
                    .findFirst()
                    .or(() -> documents.accepted().stream().findFirst())
                    .orElseThrow(() -> new Degenerated("no document takes a passenger on this journey"));
            Traveller t = new Traveller(
                    document.code(),
                    nationality(document, country),
                    document.expiryRequired(),
                    document.numberCheck() == NumberCheck.WEIGHTED_MOD11_13);
            if (!document.numberFits(t.number(1)) || !document.numberFits(t.number(999_999))) {
                throw new Degenerated("the benchmark makes no number a " + document.code() + " takes ("
                        + document.numberPattern().pattern() + "): every booking would be refused");
            }
            return t;
        }
    }

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
            boolean emu = stock.type(plan.trainType()).orElseThrow().category() == TrainCategory.EMU;
            boolean onSale = SalesWindow.of(platform.operators()).daysAhead().getOrDefault(plan.operator(), 0) > DAYS;
            if (!plan.passenger() || !domestic || !emu || !onSale) {
                continue;
            }
            List<String> calls = new ArrayList<>();
            calls.add(plan.from());
            plan.stops().forEach(stop -> calls.add(stop.point()));
            calls.add(plan.to());
            long seats = stock.type(plan.trainType()).orElseThrow().seats().stream()
                    .filter(seat -> seat.seatClass() == SeatClass.SECOND)
                    .count();
            for (int i = 0; i + 1 < calls.size(); i++) {
                // at home, as measured since the first sales benchmark: second class, a Chinese resident ID
                legs.add(new Leg(
                        plan.number(),
                        calls.get(i),
                        calls.get(i + 1),
                        SeatClass.SECOND,
                        seats,
                        platform.sales().defaultCurrency(),
                        new Traveller("CHINESE_RESIDENT_ID", "CHN", false, false)));
            }
        }
        return legs;
    }

    /**
     * Every passenger train of another network served whose operator sells at least three days ahead (the days sold
     * shrink to fit the shortest such window), as its one-segment legs from call to call in every class of its train
     * type, berths too, paid in the network's currency, each by a traveller with a document that leg takes.
     */
    private List<Leg> legs(Platform platform, String code) {
        ServedNetwork served = platform.networks()
                .find(code)
                .orElseThrow(() -> new Degenerated(
                        "no network '" + code + "' served; the data has " + ClasspathDataFiles.networks()));
        SalesWindow window = SalesWindow.of(served.operators());
        List<TrainPlan> selling = served.plans().stream()
                .filter(TrainPlan::passenger)
                .filter(plan -> window.daysAhead().getOrDefault(plan.operator(), 7) >= 3)
                .toList();
        // the last day sold is at most the window's last, whatever the zones (the first is the day after tomorrow)
        days = Math.min(
                DAYS,
                selling.stream()
                        .mapToInt(plan -> window.daysAhead().getOrDefault(plan.operator(), 7) - 2)
                        .min()
                        .orElse(0));
        List<Leg> legs = new ArrayList<>();
        for (TrainPlan plan : selling) {
            SalesService sales = platform.networkSales().ofTrain(plan.number());
            Map<SeatClass, Long> classes =
                    served.reference().rollingStock().type(plan.trainType()).orElseThrow().seats().stream()
                            .collect(Collectors.groupingBy(Seat::seatClass, TreeMap::new, Collectors.counting()));
            List<String> calls = new ArrayList<>();
            calls.add(plan.from());
            plan.stops().forEach(stop -> calls.add(stop.point()));
            calls.add(plan.to());
            for (int i = 0; i + 1 < calls.size(); i++) {
                String from = calls.get(i);
                String to = calls.get(i + 1);
                String country =
                        served.network().point(from).orElseThrow().country().code();
                Traveller traveller = Traveller.of(sales.documents(from, to), country);
                for (var cls : classes.entrySet()) {
                    legs.add(new Leg(
                            plan.number(), from, to, cls.getKey(), cls.getValue(), sales.defaultCurrency(), traveller));
                }
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

    /**
     * Prints a measured phase, after checking it measured sales: more refusals than {@link #MAX_REFUSED} of its
     * answers, or nothing sold, fail the benchmark loudly.
     */
    private void report(String name, Result r, int target) {
        out.flush();
        requireSales(name, r.ok(), r.failed(), firstRefusal.get());
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
     * {@code CLIENTS} clients run {@code load} for {@code warmup} seconds, then for {@code seconds} measured, counted
     * per {@value #WINDOW_SECONDS}-second window.
     */
    private Result drive(String name, int warmup, Load load) throws Exception {
        warm(warmup, load);
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

    /** Runs {@code load} unmeasured for {@code seconds}; returns its answers per second (0 when not run). */
    private static double warm(int seconds, Load load) throws Exception {
        if (seconds <= 0) {
            return 0;
        }
        AtomicInteger warmOk = new AtomicInteger();
        // the same kind of list as measured: a call site that sees another class is recompiled mid-measurement
        windows(
                warmOk,
                () -> load.run(seconds, Collections.synchronizedList(new ArrayList<>()), warmOk, new AtomicInteger()));
        return warmOk.get() / (double) seconds;
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

    /**
     * The straightforward way, on a fresh database of its own: one row per seat and segment, a two-segment journey's
     * rows locked, checked and updated in one transaction. Spread over {@value #SQL_RUNS} runs and the four
     * two-segment journeys of each (720 seats × 4 per run) so that it cannot sell out; a seat taken by another buyer
     * between the look-up and the lock is looked up again (a few times), as a real application would, rather than
     * counted as a refusal.
     */
    private Result sqlBaseline() throws Exception {
        String database = "bench_" + ++databases;
        try (Connection c = host.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        }
        long tableCapacity = (long) SQL_RUNS * 720 * 4;
        try (Database db = Database.start(DatabaseConfig.external(url(database), "postgres", null))) {
            try (Connection c = db.dataSource().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE bench_seat_segment (run int, seat int, segment int, booking int,"
                        + " PRIMARY KEY (run, seat, segment))");
                s.execute("INSERT INTO bench_seat_segment SELECT r, seat, seg, NULL FROM generate_series(0, "
                        + (SQL_RUNS - 1) + ") r, generate_series(0, 719) seat, generate_series(0, 7) seg");
                s.execute("ANALYZE bench_seat_segment");
            }
            DataSource pool = db.dataSource();
            AtomicInteger n = new AtomicInteger();
            Result r = drive("SQL baseline", SHORT_WARMUP, threads(client -> sqlBooking(pool, n.incrementAndGet())));
            if ((long) n.get() * 1.25 > tableCapacity) {
                throw new Degenerated("the SQL baseline sold " + n.get() + " of its " + tableCapacity + " journeys");
            }
            return r;
        } finally {
            drop(database);
        }
    }

    /** One booking the straightforward way: a seat free over the k-th journey's two segments, locked, checked, taken. */
    private boolean sqlBooking(DataSource db, int k) {
        int run = k % SQL_RUNS;
        int from = 2 * (k / SQL_RUNS % 4);
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            for (int attempt = 0; attempt < 5; attempt++) {
                int seat;
                try (PreparedStatement find = c.prepareStatement("SELECT seat FROM bench_seat_segment WHERE run = ?"
                        + " AND segment BETWEEN ? AND ? GROUP BY seat HAVING bool_and(booking IS NULL) ORDER BY seat"
                        + " LIMIT 1")) {
                    find.setInt(1, run);
                    find.setInt(2, from);
                    find.setInt(3, from + 1);
                    try (ResultSet rs = find.executeQuery()) {
                        if (!rs.next()) {
                            c.rollback();
                            firstRefusal.compareAndSet(null, "SQL baseline: run " + run + " sold out");
                            return false;
                        }
                        seat = rs.getInt(1);
                    }
                }
                boolean free = true;
                try (PreparedStatement lock = c.prepareStatement("SELECT booking FROM bench_seat_segment WHERE"
                        + " run = ? AND seat = ? AND segment BETWEEN ? AND ? FOR UPDATE")) {
                    lock.setInt(1, run);
                    lock.setInt(2, seat);
                    lock.setInt(3, from);
                    lock.setInt(4, from + 1);
                    try (ResultSet locked = lock.executeQuery()) {
                        while (locked.next()) {
                            free &= locked.getObject(1) == null;
                        }
                    }
                }
                if (!free) {
                    c.rollback(); // taken meanwhile: look again
                    continue;
                }
                try (PreparedStatement take = c.prepareStatement("UPDATE bench_seat_segment SET booking = ?"
                        + " WHERE run = ? AND seat = ? AND segment BETWEEN ? AND ?")) {
                    take.setInt(1, k);
                    take.setInt(2, run);
                    take.setInt(3, seat);
                    take.setInt(4, from);
                    take.setInt(5, from + 1);
                    take.executeUpdate();
                }
                c.commit();
                return true;
            }
            firstRefusal.compareAndSet(null, "SQL baseline: five seats in a row taken meanwhile");
            return false;
        } catch (Exception e) {
            firstRefusal.compareAndSet(null, "SQL baseline: " + e);
            return false;
        }
    }
}
