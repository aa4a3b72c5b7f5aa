package org.lancang.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import org.lancang.errors.InvalidInput;
import org.lancang.operations.DayGraph;
import org.lancang.operations.DaySimulator;
import org.lancang.operations.DispatchRules;
import org.lancang.operations.Disturbance;
import org.lancang.operations.LineOrders;
import org.lancang.operations.RunningEvent;
import org.lancang.store.networks.NetworkFolders;
import org.lancang.store.networks.ServedNetwork;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.web.http.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lancang ops simulate}: plays each network's timetabled day (every network with dispatching rules, or those
 * named) as "reality" (the same physics and graph as the
 * forecast, with seeded disturbances) and sends its running events to a server as they happen, or writes them to a
 * file. No event is sent before the server's clock has reached it.
 */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = "Simulate a day of running events (seeded disturbances) and post them to a server or a file.")
final class OpsSimulate implements Callable<Integer> {
    static final int BATCH = 1000;

    @Option(names = "--date", required = true, description = "service date, YYYY-MM-DD")
    LocalDate date;

    @Option(names = "--seed", defaultValue = "1", description = "seed of the random disturbances (default 1)")
    long seed;

    @Option(
            names = "--disturbances",
            description =
                    "a disturbances CSV (kind,train,point,minutes,factor,from_km,to_km,speed_kmh[,line]), or none;"
                            + " default: one to four random ones from the seed")
    String disturbances;

    @Option(
            names = "--speedup",
            defaultValue = "0",
            description = "0: send at once every event the server's clock has reached; N: keep pace with a clock"
                    + " running N times faster (the server's should run as fast)")
    double speedup;

    @Option(names = "--follow", description = "with --speedup 0: keep pace with the server's clock until the day ends")
    boolean follow;

    @Option(names = "--server", description = "base URL of a running Lancang, e.g. http://localhost:8080")
    String server;

    @Option(
            names = "--token",
            defaultValue = "${env:LANCANG_TOKEN}",
            description = "bearer token of a DISPATCHER or TRAIN_DESCRIBER (env LANCANG_TOKEN)")
    String token;

    @Option(names = "--out", description = "write the events to this CSV file (the format of ops replay)")
    Path out;

    @Option(
            names = "--network",
            split = ",",
            description = "the networks of data/ to play, comma-separated, or all (every one with dispatching rules);"
                    + " default the home network, china-laos. A disturbances file is one network's")
    List<String> networks;

    @Spec
    CommandSpec spec;

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Integer call() throws Exception {
        PrintWriter say = spec.commandLine().getOut();
        if (speedup < 0) {
            throw new InvalidInput("--speedup", "must be 0 or more");
        }
        if (server != null) {
            URI url = serverUrl();
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                throw new InvalidInput("--server", "'" + server + "' is no http(s) URL, e.g. http://localhost:8080");
            }
        }
        boolean fromFile = disturbances != null && !"none".equalsIgnoreCase(disturbances);
        boolean all =
                networks != null && networks.size() == 1 && networks.get(0).equalsIgnoreCase("all");
        List<ClasspathDataFiles> folders = NetworkFolders.choose(all ? List.of() : networks, "--network").stream()
                .filter(f -> f.has(DispatchRules.FILE))
                .toList();
        if (networks == null || networks.isEmpty()) {
            folders = folders.subList(0, Math.min(1, folders.size())); // the home network, as before networks
        }
        if (folders.isEmpty() || (fromFile && folders.size() > 1)) {
            spec.commandLine()
                    .getErr()
                    .println(
                            folders.isEmpty()
                                    ? "--network: no network named has dispatching rules (" + DispatchRules.FILE + ")"
                                    : "--network: a disturbances file is one network's: name one");
            return 2;
        }
        List<RunningEvent> events = new ArrayList<>();
        for (ClasspathDataFiles files : folders) {
            ServedNetwork network = ServedNetwork.fromFiles(files);
            // the day as the server lays it out: the folder's timetable, the road's windows on a shared bridge
            DayGraph graph = DayGraph.build(
                    network.planner(),
                    network.day(date),
                    List.of(),
                    DispatchRules.parse(files.read(DispatchRules.FILE)),
                    LineOrders.PLAN);
            List<Disturbance> played;
            if ("none".equalsIgnoreCase(disturbances)) {
                played = List.of();
            } else if (fromFile) {
                Path file = Path.of(disturbances);
                played = Disturbance.parse(file.getFileName().toString(), Files.readString(file));
            } else {
                played = Disturbance.random(new Random(seed), graph);
            }
            List<RunningEvent> own = DaySimulator.simulate(graph, played).events();
            say.printf(
                    "%s %s: %d running events, disturbances %s%n",
                    network.code(), date, own.size(), played.isEmpty() ? "none" : played);
            own.forEach(e -> networkOf.put(e.train(), network.code()));
            events.addAll(own);
        }
        // one day of every network, in the order it happens (each network's own order kept for equal instants)
        events.sort(Comparator.comparing(RunningEvent::at));
        if (out != null) {
            Files.writeString(out, OpsCommand.csv(events), StandardCharsets.UTF_8);
            say.printf("written to %s%n", out);
        }
        if (server == null) {
            if (out == null) {
                say.print(OpsCommand.csv(events));
            }
            say.flush();
            return 0;
        }
        if (token == null || token.isBlank()) {
            spec.commandLine().getErr().println("--token (or LANCANG_TOKEN) is required with --server");
            return 2;
        }
        int sent = 0;
        long started = System.nanoTime();
        Instant simulatedStart;
        try {
            simulatedStart = serverNow();
        } catch (ConnectException e) {
            throw new InvalidInput("--server", "nothing answers at " + server);
        }
        double serverRate = serverRate();
        if (speedup > 0 && serverRate < speedup) {
            say.printf(
                    "the server's clock runs at %s× (not %s×): events are sent as its clock reaches them; start the"
                            + " server with LANCANG_CLOCK=%sT06:00+08:00,%s to watch the day %s× faster%n",
                    fmt(serverRate), fmt(speedup), date, fmt(speedup), fmt(speedup));
        }
        while (sent < events.size()) {
            Instant now = speedup > 0
                    ? earlier(simulatedStart.plusNanos((long) ((System.nanoTime() - started) * speedup)), serverNow())
                    : serverNow();
            List<RunningEvent> due = new ArrayList<>();
            while (sent + due.size() < events.size()
                    && !events.get(sent + due.size()).at().isAfter(now)
                    && due.size() < BATCH) {
                due.add(events.get(sent + due.size()));
            }
            if (!due.isEmpty()) {
                post(due);
                sent += due.size();
                say.printf("%s  %d of %d events sent%n", now, sent, events.size());
                say.flush();
                continue;
            }
            if (speedup == 0 && !follow) {
                break;
            }
            Thread.sleep(speedup > 0 ? 200 : 1000);
        }
        say.printf("%d events sent to %s%n", sent, server);
        say.flush();
        return 0;
    }

    /** Never ahead of the server's clock: it refuses an event later than its now. */
    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String fmt(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }

    private URI serverUrl() {
        try {
            return new URI(server);
        } catch (URISyntaxException e) {
            throw new InvalidInput("--server", "'" + server + "' is no http(s) URL, e.g. http://localhost:8080");
        }
    }

    private double serverRate() throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(server + "/api/operations/clock"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200
                ? Json.MAPPER.readTree(r.body()).path("rate").asDouble(1)
                : 1;
    }

    private Instant serverNow() throws Exception {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(server + "/api/operations/clock"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("the server's clock: " + r.statusCode() + " " + r.body());
        }
        return Instant.parse(Json.MAPPER.readTree(r.body()).get("now").asText());
    }

    /** The network of each train played: the server takes a batch of one network's trains. */
    private final Map<String, String> networkOf = new HashMap<>();

    /** The events due, one batch per network (the server commits each network's events on their own). */
    private void post(List<RunningEvent> due) throws Exception {
        Map<String, List<RunningEvent>> byNetwork = new LinkedHashMap<>();
        due.forEach(e -> byNetwork
                .computeIfAbsent(networkOf.get(e.train()), k -> new ArrayList<>())
                .add(e));
        for (List<RunningEvent> batch : byNetwork.values()) {
            postBatch(batch);
        }
    }

    private void postBatch(List<RunningEvent> events) throws Exception {
        StringBuilder body = new StringBuilder("{\"events\":[");
        for (int i = 0; i < events.size(); i++) {
            RunningEvent e = events.get(i);
            body.append(i == 0 ? "" : ",")
                    .append(Json.MAPPER.writeValueAsString(Map.of(
                            "train", e.train(),
                            "serviceDate", e.serviceDate().toString(),
                            "point", e.point(),
                            "kind", e.kind().name(),
                            "at", e.at().toString(),
                            "source", e.source())));
        }
        body.append("]}");
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(server + "/api/operations/events"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            JsonNode problem = Json.MAPPER.readTree(r.body());
            throw new IllegalStateException("the server refused the events (" + r.statusCode() + "): "
                    + problem.path("detail").asText(r.body()));
        }
    }
}
