package org.lancang.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lancang.freight.EquipmentKind;
import org.lancang.network.Point;
import org.lancang.store.Platform;
import org.lancang.store.db.DatabaseConfig;
import org.lancang.store.freight.FreightRecords;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.store.tracking.TrackingRecords.Recorded;
import org.lancang.store.tracking.TrackingRecords.Report;
import org.lancang.store.tracking.TrackingService;
import org.lancang.store.users.UserService;
import org.lancang.tracking.BoxEventType;
import org.lancang.web.WebServer;

/**
 * {@code lancang bench tracking}: box events reported in batches of 500 (checked, stored, put in the outbox), in this
 * process and over HTTP ({@code POST /api/freight/tracking/events} as the freight office, JSON), first with no webhook
 * subscription (the baseline), then with one to a local receiver while the server's sender drains the outbox; the lag from a report's call until the API's query sees its events; and whether delivery
 * keeps up. Fails loudly when the workload degenerates (nothing accepted, nothing delivered).
 */
final class TrackingBench {
    static final LocalDate DAY = LocalDate.of(2026, 12, 6);
    static final int BATCH = 500;

    static final class Degenerated extends RuntimeException {
        Degenerated(String message) {
            super(message);
        }
    }

    private final PrintWriter out;
    private final int batches;

    TrackingBench(PrintWriter out, int batches) {
        this.out = out;
        this.batches = batches;
    }

    void run() throws Exception {
        Path dir = Files.createTempDirectory("lancang-bench-tracking");
        Clock clock = Clock.fixed(Instant.parse("2026-12-05T02:00:00Z"), ZoneOffset.UTC);
        AtomicLong received = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
            received.addAndGet(count(body));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        receiver.start();
        try (Platform platform = Platform.start(
                        DatabaseConfig.embedded(dir.resolve("postgres")),
                        new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS),
                        clock);
                WebServer web = WebServer.start(platform, "127.0.0.1", 0)) {
            TrackingService tracking = platform.tracking();
            FreightRecords.Booking booking = book(platform, 1);
            // a second consignment for the HTTP phases: every event of the run a distinct fact
            FreightRecords.Booking overHttp = book(platform, 2);
            List<String> units =
                    booking.units().stream().map(FreightRecords.Unit::unit).toList();
            List<Point> places = platform.reference().network().points();
            tracking.allowHosts(Set.of("127.0.0.1")); // the local receiver: webhooks are otherwise https, public
            platform.users().add("bench.office", "Bench freight office", "bench password 1", List.of("FREIGHT_OFFICE"));
            String token = platform.users()
                    .signIn("bench.office", "bench password 1", UserService.TokenKind.API)
                    .orElseThrow()
                    .token();
            String events = "http://127.0.0.1:" + web.port() + "/api/freight/tracking/events";
            out.printf(
                    Locale.ROOT,
                    "lancang bench tracking: %d batches of %d box events, %d units on %s, Java %s, %d cores"
                            + " (a machine shared with other builds: figures as measured)%n",
                    batches,
                    BATCH,
                    units.size(),
                    booking.train(),
                    Runtime.version(),
                    Runtime.getRuntime().availableProcessors());
            List<Report> all = distinct(booking.id(), units, places);
            List<Report> http = distinct(
                    overHttp.id(),
                    overHttp.units().stream().map(FreightRecords.Unit::unit).toList(),
                    places);
            int half = batches / 2;
            if (Math.min(all.size(), http.size()) < batches * BATCH) {
                throw new Degenerated("only " + all.size() + " distinct events for " + batches * BATCH);
            }
            HttpClient client = HttpClient.newHttpClient();
            post(client, events, token, http.subList(0, 1)); // one warm-up call: the server's first JSON and SQL
            double[] base = measure(tracking, all.subList(0, half * BATCH));
            double[] baseHttp = measureHttp(client, events, token, http.subList(1, 1 + half * BATCH));
            tracking.subscribe("bench.shipper", false, "http://127.0.0.1:" + receiverPort(receiver) + "/hook", null);
            long subscribedFrom = received.get();
            double[] withHook = measure(tracking, all.subList(half * BATCH, batches * BATCH));
            double[] withHookHttp =
                    measureHttp(client, events, token, http.subList(1 + half * BATCH, 1 + batches * BATCH));
            long expected = 2L * (batches - half) * BATCH;
            long t0 = System.nanoTime();
            while (received.get() - subscribedFrom < expected && System.nanoTime() - t0 < 120e9) {
                Thread.sleep(20);
            }
            double drainS = (System.nanoTime() - t0) / 1e9;
            long delivered = received.get() - subscribedFrom;
            out.printf(
                    Locale.ROOT,
                    "baseline, no subscription: median %.0f events/s per batch (lag call → visible: median %.1f ms, max"
                            + " %.1f ms)%n",
                    base[0],
                    base[1],
                    base[2]);
            out.printf(
                    Locale.ROOT,
                    "with a webhook subscription: median %.0f events/s per batch (lag median %.1f ms, max %.1f ms);"
                            + " ratio to baseline %.2f%n",
                    withHook[0],
                    withHook[1],
                    withHook[2],
                    withHook[0] / base[0]);
            out.printf(
                    Locale.ROOT,
                    "over HTTP (POST %d events per request, JSON, freight office): baseline median %.0f events/s per"
                            + " batch; with the subscription %.0f events/s; ratio HTTP / in-process %.2f and %.2f%n",
                    BATCH,
                    baseHttp[0],
                    withHookHttp[0],
                    baseHttp[0] / base[0],
                    withHookHttp[0] / withHook[0]);
            out.printf(
                    Locale.ROOT,
                    "webhook: %d of %d events delivered; %.2f s after the last report to finish (%.0f events/s"
                            + " delivered over the run)%n",
                    delivered,
                    expected,
                    drainS,
                    expected / (withHook[3] + withHookHttp[3] + drainS));
            out.printf(
                    Locale.ROOT,
                    "against the targets: ingest >= 5,000 events/s %s in-process, %s over HTTP; visible within 1 s %s;"
                            + " delivery keeps up %s%n",
                    withHook[0] >= 5000 ? "met" : "NOT met",
                    withHookHttp[0] >= 5000 ? "met" : "NOT met",
                    withHook[2] < 1000 ? "met" : "NOT met",
                    delivered >= expected && drainS < 1.0 ? "met" : "NOT met");
            out.flush();
            if (delivered < expected) {
                throw new Degenerated("only " + delivered + " of " + expected + " events reached the receiver");
            }
        } finally {
            receiver.stop(0);
        }
    }

    /** 30 boxes of 40 ft on the day's freight slot {@code slot}. */
    private static FreightRecords.Booking book(Platform platform, int slot) {
        return platform.freight()
                .book(
                        "bench.shipper",
                        platform.freight().data().slots().get(slot).id(),
                        null,
                        DAY,
                        List.of(new FreightRecords.Equipment(EquipmentKind.BOX_40, 30)));
    }

    /** Every event a distinct fact (each reported step of each unit at each point), one minute apart. */
    private static List<Report> distinct(String bookingId, List<String> units, List<Point> places) {
        List<Report> all = new ArrayList<>();
        Instant t = Instant.parse("2026-11-01T00:00:00Z");
        for (Point p : places) {
            for (BoxEventType type : BoxEventType.values()) {
                if (type.fromTrain()) {
                    continue;
                }
                for (String u : units) {
                    all.add(new Report(bookingId, u, type, p.code(), t));
                }
                t = t.plusSeconds(60);
            }
        }
        return all;
    }

    /** {median events/s per request, 0, 0, total seconds} over requests of {@link #BATCH} reports each. */
    private static double[] measureHttp(HttpClient client, String url, String token, List<Report> reports)
            throws IOException, InterruptedException {
        int n = reports.size() / BATCH;
        List<String> bodies = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            bodies.add(body(reports.subList(b * BATCH, (b + 1) * BATCH)));
        }
        double[] rates = new double[n];
        long start = System.nanoTime();
        for (int b = 0; b < n; b++) {
            long t0 = System.nanoTime();
            int accepted = send(client, url, token, bodies.get(b));
            rates[b] = BATCH / ((System.nanoTime() - t0) / 1e9);
            if (accepted != BATCH) {
                throw new Degenerated("over HTTP only " + accepted + " of " + BATCH + " events accepted");
            }
        }
        return new double[] {median(rates), 0, 0, (System.nanoTime() - start) / 1e9};
    }

    private static void post(HttpClient client, String url, String token, List<Report> reports)
            throws IOException, InterruptedException {
        send(client, url, token, body(reports));
    }

    /** POSTs a batch; the number the server accepted (a refusal is a degenerate run). */
    private static int send(HttpClient client, String url, String token, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new Degenerated("over HTTP: " + r.statusCode() + " " + r.body());
        }
        Matcher m = ACCEPTED.matcher(r.body());
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");

    private static String body(List<Report> reports) {
        StringBuilder b = new StringBuilder("{\"events\":[");
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            b.append(i == 0 ? "" : ",")
                    .append("{\"bookingId\":\"")
                    .append(r.bookingId())
                    .append("\",\"unit\":\"")
                    .append(r.unit())
                    .append("\",\"type\":\"")
                    .append(r.type())
                    .append("\",\"location\":\"")
                    .append(r.location())
                    .append("\",\"at\":\"")
                    .append(r.at())
                    .append("\"}");
        }
        return b.append("]}").toString();
    }

    private static int receiverPort(HttpServer s) {
        return s.getAddress().getPort();
    }

    /** Events in a delivery: the array's eventID fields, counted without parsing the whole body. */
    private static long count(byte[] body) {
        String s = new String(body, StandardCharsets.UTF_8);
        long n = 0;
        for (int i = s.indexOf("\"eventID\""); i >= 0; i = s.indexOf("\"eventID\"", i + 1)) {
            n++;
        }
        return n;
    }

    /** {median events/s, median lag ms, max lag ms, total seconds} over the batches of {@code reports}. */
    private double[] measure(TrackingService tracking, List<Report> reports) {
        int n = reports.size() / BATCH;
        double[] rates = new double[n];
        double[] lags = new double[n];
        long start = System.nanoTime();
        long accepted = 0;
        for (int b = 0; b < n; b++) {
            List<Report> batch = reports.subList(b * BATCH, (b + 1) * BATCH);
            long t0 = System.nanoTime();
            Recorded r = tracking.report(batch, "bench", null, i -> "events[" + i + "].");
            long t1 = System.nanoTime();
            accepted += r.accepted();
            // visible: the query the API answers finds the batch's last event
            while (tracking.events(null, null, batch.get(BATCH - 1).unit(), 0, 100_000).stream()
                    .noneMatch(e ->
                            e.event().location().equals(batch.get(BATCH - 1).location()))) {
                Thread.onSpinWait();
            }
            long t2 = System.nanoTime();
            rates[b] = BATCH / ((t1 - t0) / 1e9);
            lags[b] = (t2 - t0) / 1e6;
        }
        double total = (System.nanoTime() - start) / 1e9;
        if (accepted != (long) n * BATCH) {
            throw new Degenerated("only " + accepted + " of " + n * BATCH + " events accepted");
        }
        double maxLag = Arrays.stream(lags).max().orElse(0);
        return new double[] {median(rates), median(lags), maxLag, total};
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
