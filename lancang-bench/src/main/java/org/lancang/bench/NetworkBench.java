package org.lancang.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.lancang.data.DataFiles;
import org.lancang.gtfs.FeedInfo;
import org.lancang.gtfs.GtfsExporter;
import org.lancang.gtfs.StopCoordinates;
import org.lancang.network.Joins;
import org.lancang.network.Routes;
import org.lancang.reference.ReferenceData;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.Operators;
import org.lancang.timetable.PathFinder;
import org.lancang.timetable.PathRequest;
import org.lancang.timetable.Planner;
import org.lancang.timetable.ServiceCalendar;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.TrainPlan;
import org.lancang.timetable.conflict.BruteForceConflictChecker;
import org.lancang.timetable.conflict.Conflict;
import org.lancang.timetable.conflict.ConflictDetector;
import org.lancang.timetable.conflict.Occupation;

/**
 * {@code lancang bench network}: a synthetic network of many lines with junctions ({@link SyntheticNetwork}, one
 * folder per gauge) loaded through the network parsers, then each step timed (medians after a warm-up): load, running
 * times of every train, the day computed and conflict-checked (junction tracks counted apart), freight path
 * insertions, the GTFS export; and the shipped China–Laos day as the baseline in the same process. Fails loudly when
 * the workload degenerates (trains or lines missing, no junction or through train, no blocking times, the sweep and
 * brute force disagreeing on the sample or the sample holding no junction conflict, no freight path found).
 */
final class NetworkBench {
    /** OSRD's published figure: about 29,000 trains loaded in 2 min 30 s (issue 19). */
    static final double OSRD_TRAINS_PER_SECOND = 29_000 / 150.0;

    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private static final int SAMPLED_RESOURCES = 300;
    private static final int INSERTIONS = 100;

    static final class Degenerated extends RuntimeException {
        Degenerated(String message) {
            super(message);
        }
    }

    /** One gauge's network loaded through the parsers, as {@code lancang serve} would load a folder. */
    record Loaded(
            String code,
            ReferenceData data,
            List<TrainPlan> plans,
            Operators operators,
            Joins joins,
            StopCoordinates coordinates) {}

    private final PrintWriter out;
    private final int trains;
    private final long seed;
    private final int lines;
    private final int iterations;
    private final int warmup;
    /** The CPU median of the last {@link #median} call, in ms. */
    private double lastCpuMs;

    NetworkBench(PrintWriter out, int trains, long seed, int lines, int iterations, int warmup) {
        this.out = out;
        this.trains = trains;
        this.seed = seed;
        this.lines = lines;
        this.iterations = iterations;
        this.warmup = warmup;
    }

    static List<Loaded> load(SyntheticNetwork network) {
        List<Loaded> out = new ArrayList<>();
        for (String code : network.folders().keySet()) {
            DataFiles files = network.files(code);
            ReferenceData data = ReferenceData.parse(files);
            out.add(new Loaded(
                    code,
                    data,
                    TimetableFile.parse("timetable.csv", files.read("timetable.csv"), data.network()),
                    Operators.parse(Operators.FILE, files.read(Operators.FILE), data.network()),
                    Joins.parse(files.read(Joins.FILE), data.network()),
                    StopCoordinates.parse("stop-coordinates.csv", files.read("stop-coordinates.csv"))));
        }
        return out;
    }

    static Planner planner(Loaded line) {
        return new Planner(line.data().network(), line.data().rollingStock(), BlockingRules.defaults());
    }

    /** Every network's day, each with a fresh planner (no run cached from an earlier call). */
    static List<DayPlan> day(List<Loaded> network) {
        return network.parallelStream()
                .map(l -> planner(l).day(l.plans(), DAY, List.of(), List.of()))
                .toList();
    }

    /** The junctions of every network: the points that lie on more than one line. */
    static Set<String> junctions(List<Loaded> network) {
        return network.stream()
                .flatMap(l -> l.data().network().points().stream()
                        .map(p -> p.code())
                        .filter(l.data().network()::isJunction))
                .collect(Collectors.toSet());
    }

    /** Trains whose route runs on more than one line, found by the core's routes (not by the generator's word). */
    static long throughTrains(List<Loaded> network) {
        return network.stream()
                .mapToLong(l -> {
                    Routes routes = new Routes(l.data().network());
                    return l.plans().stream()
                            .filter(p -> routes.between(p.from(), p.to(), p.via())
                                            .legs()
                                            .size()
                                    > 1)
                            .count();
                })
                .sum();
    }

    /** Whether a resource is a station track of a junction, shared by the lines that meet there. */
    static boolean atJunction(String resource, Set<String> junctions) {
        String[] parts = resource.split(":");
        return parts.length == 3 && parts[0].equals("TRACK") && junctions.contains(parts[1]);
    }

    /** What the sweep and brute force both found on the sample, and how much of it is at junctions. */
    record Agreement(int resources, int junctionResources, int conflicts, int junctionConflicts) {}

    /**
     * The sweep's conflicts on a seeded sample of resources, with every junction track among them, against the
     * brute-force pairwise checker on the same occupations; throws when they differ, or when the sample has no
     * junction track or no conflict there to agree on.
     */
    static Agreement checkAgainstBruteForce(
            List<Occupation> occupations, Set<String> junctions, long seed, int sampleSize) {
        List<String> resources = new ArrayList<>(occupations.stream()
                .map(Occupation::resource)
                .distinct()
                .sorted()
                .toList());
        Collections.shuffle(resources, new Random(seed));
        Set<String> sample = new HashSet<>(resources.subList(0, Math.min(sampleSize, resources.size())));
        resources.stream().filter(r -> atJunction(r, junctions)).forEach(sample::add);
        Map<String, List<Occupation>> sampled = occupations.stream()
                .filter(o -> sample.contains(o.resource()))
                .collect(Collectors.groupingBy(Occupation::resource));
        List<Conflict> sweep = ConflictDetector.detect(occupations).stream()
                .filter(c -> sample.contains(c.resource()))
                .toList();
        // every pair of each sampled resource (pairs across resources never conflict: comparing them only took time)
        List<Conflict> brute = sampled.values().stream()
                .flatMap(one -> BruteForceConflictChecker.detect(one).stream())
                .toList();
        if (!new HashSet<>(sweep).equals(new HashSet<>(brute)) || sweep.size() != brute.size()) {
            throw new Degenerated("on " + sample.size() + " sampled resources (seed " + seed + ") the sweep found "
                    + sweep.size() + " conflicts and brute force " + brute.size());
        }
        int junctionResources =
                (int) sample.stream().filter(r -> atJunction(r, junctions)).count();
        int junctionConflicts = (int)
                sweep.stream().filter(c -> atJunction(c.resource(), junctions)).count();
        if (sample.isEmpty() || junctionResources == 0 || junctionConflicts == 0) {
            throw new Degenerated("the brute-force sample (seed " + seed + ") has " + sample.size() + " resources, "
                    + junctionResources + " of them junction tracks with " + junctionConflicts
                    + " conflicts: nothing at a junction to check");
        }
        return new Agreement(sample.size(), junctionResources, sweep.size(), junctionConflicts);
    }

    void run() {
        Runtime runtime = Runtime.getRuntime();
        out.printf(
                Locale.ROOT,
                "lancang bench network: seed %d, %d trains asked over %d lines, %d warm-up + %d measured iterations,"
                        + " Java %s, %d cores, %s%n",
                seed,
                trains,
                lines,
                warmup,
                iterations,
                Runtime.version(),
                runtime.availableProcessors(),
                loadAverage());

        long t0 = System.nanoTime();
        SyntheticNetwork synthetic = SyntheticNetwork.generate(seed, trains, lines);
        double generated = (System.nanoTime() - t0) / 1e6;
        long bytes = synthetic.folders().values().stream()
                .flatMap(f -> f.values().stream())
                .mapToLong(String::length)
                .sum();

        double load = median(() -> load(synthetic));
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();
        List<Loaded> network = load(synthetic);
        System.gc();
        long heap = runtime.totalMemory() - runtime.freeMemory() - before;
        int planned = network.stream().mapToInt(l -> l.plans().size()).sum();
        int lineCount = network.stream()
                .mapToInt(l -> l.data().network().lines().size())
                .sum();
        Set<String> junctions = junctions(network);
        long through = throughTrains(network);
        int points = network.stream()
                .mapToInt(l -> l.data().network().points().size())
                .sum();
        long countries = network.stream()
                .flatMap(l -> l.data().network().countries().stream())
                .map(c -> c.code())
                .distinct()
                .count();
        long overnight = network.stream()
                .flatMap(l -> l.plans().stream())
                .filter(p -> p.departure().isAfter(LocalTime.of(18, 59)))
                .count();
        if (planned != trains || lineCount != lines) {
            throw new Degenerated("the generator gave " + planned + " trains on " + lineCount + " lines, not " + trains
                    + " on " + lines);
        }
        if (through == 0 || junctions.isEmpty() || overnight == 0) {
            throw new Degenerated(junctions.size() + " junctions, " + through + " through trains, " + overnight
                    + " overnight trains: the workload has nothing to cross a junction or the night");
        }
        out.printf(
                Locale.ROOT,
                "network: %d networks (one per gauge), %d lines, %d junctions, %d points, %d countries, %d trains"
                        + " (%d through a junction, %.0f %%; %d leaving after 19:00), %d transshipment joins;"
                        + " %.0f KB of data files generated in %.0f ms%n",
                network.size(),
                lineCount,
                junctions.size(),
                points,
                countries,
                planned,
                through,
                100.0 * through / planned,
                overnight,
                network.stream().mapToInt(l -> l.joins().all().size()).sum(),
                bytes / 1024.0,
                generated);
        row("load both folders through the parsers", load, String.format(Locale.ROOT, "heap %.1f MB", heap / 1e6));

        double runs = median(() -> network.parallelStream()
                .mapToLong(l -> {
                    Planner p = planner(l);
                    return l.plans().stream()
                            .mapToLong(plan -> p.run(plan, List.of()).times().size())
                            .sum();
                })
                .sum());
        row("running times of every train", runs, String.format(Locale.ROOT, "%.0f trains/s", planned / runs * 1e3));

        double dayMs = median(() -> day(network));
        double dayCpuMs = lastCpuMs;
        List<DayPlan> days = day(network);
        List<Occupation> occupations =
                days.stream().flatMap(d -> d.occupations().stream()).toList();
        int conflicts = days.stream().mapToInt(d -> d.conflicts().size()).sum();
        long junctionConflicts = days.stream()
                .flatMap(d -> d.conflicts().stream())
                .filter(c -> atJunction(c.resource(), junctions))
                .count();
        int runsOfDay = days.stream().mapToInt(d -> d.runsOfTheDay().size()).sum();
        if (occupations.isEmpty() || runsOfDay != planned) {
            throw new Degenerated(runsOfDay + " runs of the day for " + planned + " trains, " + occupations.size()
                    + " blocking times");
        }
        row(
                "the day: every train computed + conflict-checked",
                dayMs,
                String.format(
                        Locale.ROOT,
                        "CPU %.0f ms (all threads); %d blocking times, %d conflicts (%d on junction tracks);"
                                + " target < 5000 ms: %s",
                        dayCpuMs,
                        occupations.size(),
                        conflicts,
                        junctionConflicts,
                        dayMs < 5000 ? "met" : "NOT met"));
        // the same day again with every run already computed: what laying the blocking times and the sweep cost
        List<Planner> warm = network.stream().map(NetworkBench::planner).toList();
        double layMs = median(() -> IntStream.range(0, network.size())
                .parallel()
                .mapToObj(i -> warm.get(i).day(network.get(i).plans(), DAY, List.of(), List.of()))
                .toList());
        out.printf(
                Locale.ROOT,
                "  of which blocking times laid, station tracks allocated and conflicts swept (runs cached):"
                        + " %.0f ms, CPU %.0f ms%n",
                layMs,
                lastCpuMs);
        Agreement agreed = checkAgainstBruteForce(occupations, junctions, seed, SAMPLED_RESOURCES);
        out.printf(
                Locale.ROOT,
                "  brute force on %d sampled resources (seed %d; %d random and every junction track, %d):"
                        + " %d conflicts, %d of them on junction tracks, the same as the sweep%n",
                agreed.resources(),
                seed,
                SAMPLED_RESOURCES,
                agreed.junctionResources(),
                agreed.conflicts(),
                agreed.junctionConflicts());
        double perSecond = planned / dayMs * 1e3;
        out.printf(
                Locale.ROOT,
                "  %.0f trains/s computed and conflict-checked; OSRD's published figure: 29,000 trains loaded in 150 s"
                        + " = %.0f trains/s (%.0f× that)%n",
                perSecond,
                OSRD_TRAINS_PER_SECOND,
                perSecond / OSRD_TRAINS_PER_SECOND);

        insertions(network, days);
        gtfs(network);
        reference(dayMs, planned);
        out.printf(Locale.ROOT, "at the end: %s%n", loadAverage());
        out.flush();
    }

    /** Freight paths inserted into the evaluated day of networks that carry freight, each timed on its own. */
    private void insertions(List<Loaded> network, List<DayPlan> days) {
        Random random = new Random(seed + 1);
        List<Integer> freightLines = new ArrayList<>();
        for (int i = 0; i < network.size(); i++) {
            if (network.get(i).plans().stream().anyMatch(p -> !p.passenger())) {
                freightLines.add(i);
            }
        }
        if (freightLines.isEmpty()) {
            throw new Degenerated("no line carries freight");
        }
        // one path finder per network, asked about the same day: it indexes the day's blocking times once (as a
        // server keeping the day would), which on a network of 26 lines is millions of them; that index timed apart
        List<PathFinder> finders =
                network.stream().map(l -> new PathFinder(planner(l))).toList();
        List<List<Occupation>> existing =
                days.stream().map(DayPlan::occupations).toList();
        long t0 = System.nanoTime();
        for (int i : freightLines) {
            Loaded line = network.get(i);
            TrainPlan any = line.plans().stream()
                    .filter(p -> !p.passenger())
                    .findFirst()
                    .orElseThrow();
            try {
                finders.get(i).insert(request("I" + i, any, line, LocalTime.MIDNIGHT), existing.get(i), List.of());
            } catch (RuntimeException noPath) {
                // only the index was wanted
            }
        }
        out.printf(
                Locale.ROOT,
                "  the path finders' index of the day's blocking times, built once per network: %.0f ms%n",
                (System.nanoTime() - t0) / 1e6);
        // the figures are of the insertions that found a path; a refusal (no path within 12 h on a full line) is
        // counted and timed apart, so a workload of refusals cannot pass for fast insertions
        double[] inserted = new double[INSERTIONS];
        double[] refused = new double[INSERTIONS];
        int found = 0;
        int notFound = 0;
        for (int n = 0; n < INSERTIONS + warmup; n++) {
            int i = freightLines.get(random.nextInt(freightLines.size()));
            Loaded line = network.get(i);
            List<TrainPlan> freight =
                    line.plans().stream().filter(p -> !p.passenger()).toList();
            TrainPlan model = freight.get(random.nextInt(freight.size()));
            PathRequest request = request("X" + n, model, line, LocalTime.of(random.nextInt(24), 0));
            long start = System.nanoTime();
            boolean ok;
            try {
                finders.get(i).insert(request, existing.get(i), List.of());
                ok = true;
            } catch (RuntimeException noPath) {
                ok = false; // a full single-track line may have no path within 12 h: counted, not hidden
            }
            if (n >= warmup) {
                double took = (System.nanoTime() - start) / 1e6;
                if (ok) {
                    inserted[found++] = took;
                } else {
                    refused[notFound++] = took;
                }
            }
        }
        if (found < INSERTIONS / 10) {
            throw new Degenerated("only " + found + " of " + INSERTIONS + " freight paths could be inserted");
        }
        double[] ok = Arrays.copyOf(inserted, found);
        double[] no = Arrays.copyOf(refused, notFound);
        Arrays.sort(ok);
        Arrays.sort(no);
        row(
                found + " freight path insertions that found a path (each)",
                percentile(ok, 50),
                String.format(
                        Locale.ROOT,
                        "p95 %.2f ms; of %d asked, %d found a path within 12 h, %d refused (median %s, not in the"
                                + " figures)",
                        percentile(ok, 95),
                        INSERTIONS,
                        found,
                        notFound,
                        notFound == 0 ? "—" : String.format(Locale.ROOT, "%.2f ms", percentile(no, 50))));
    }

    /** A freight path like {@code model}'s, asked from {@code earliest} on the bench's day. */
    private static PathRequest request(String number, TrainPlan model, Loaded line, LocalTime earliest) {
        return new PathRequest(
                number,
                model.operator(),
                model.trainType(),
                false,
                ServiceCalendar.daily(DAY, DAY),
                model.from(),
                model.to(),
                List.of(),
                DAY.atTime(earliest).atZone(line.data().network().serviceZone()).toInstant(),
                false,
                5,
                Duration.ofHours(12));
    }

    private void gtfs(List<Loaded> network) {
        FeedInfo info = new FeedInfo("Lancang synthetic", "https://example.org", "en", "bench", null, null);
        long[] size = new long[1];
        double ms = median(() -> {
            size[0] = network.parallelStream()
                    .mapToLong(l -> new GtfsExporter(l.coordinates(), l.operators())
                            .export(
                                    l.data().network(),
                                    planner(l)
                                            .timetable(
                                                    l.plans().stream()
                                                            .filter(TrainPlan::passenger)
                                                            .toList(),
                                                    List.of()),
                                    info)
                            .length)
                    .sum();
            return size[0];
        });
        if (size[0] == 0) {
            throw new Degenerated("the GTFS export is empty");
        }
        row(
                "GTFS export of every network's passenger trains",
                ms,
                String.format(Locale.ROOT, "%.1f MB zipped", size[0] / 1e6));
    }

    /**
     * The shipped China–Laos day, the same step as {@code lancang bench timetable}'s, as the in-process baseline; with
     * what it is made of (planner set up, runs computed, the rest) and the large day's ratio to it.
     */
    private void reference(double largeDayMs, int largeTrains) {
        ClasspathDataFiles files = new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS);
        ReferenceData data = ReferenceData.parse(files);
        List<TrainPlan> plans = TimetableFile.parse("timetable.csv", files.read("timetable.csv"));
        Supplier<Planner> fresh = () -> new Planner(data.network(), data.rollingStock(), BlockingRules.defaults());
        double ms = median(() -> fresh.get().day(plans, DAY, List.of(), List.of()));
        double cpu = lastCpuMs;
        row(
                "reference China–Laos day (" + plans.size() + " trains) computed + checked",
                ms,
                String.format(
                        Locale.ROOT,
                        "CPU %.1f ms (all threads); target < 50 ms: %s",
                        cpu,
                        ms < 50 ? "met" : "NOT met"));
        double setUp = median(fresh::get);
        double runs = median(() -> {
            Planner p = fresh.get();
            return plans.stream().map(plan -> p.run(plan, List.of())).toList();
        });
        Planner warm = fresh.get();
        double rest = median(() -> warm.day(plans, DAY, List.of(), List.of()));
        out.printf(
                Locale.ROOT,
                "  of which planner set up %.2f ms, its %d runs computed %.2f ms, the day with runs cached %.2f ms%n",
                setUp,
                plans.size(),
                runs,
                rest);
        out.printf(
                Locale.ROOT,
                "  the large day took %.0f× the China–Laos day for %.0f× its trains%n",
                largeDayMs / ms,
                largeTrains / (double) plans.size());
    }

    private void row(String name, double medianMs, String detail) {
        out.printf(Locale.ROOT, "%-52s median %9.2f ms  %s%n", name, medianMs, detail);
        out.flush();
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    /** Median wall time in ms of the measured iterations after the warm-up; their median CPU goes to lastCpuMs. */
    private double median(Supplier<?> task) {
        for (int i = 0; i < warmup; i++) {
            task.get();
        }
        double[] ms = new double[iterations];
        double[] cpu = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            task.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            cpu[i] = (processCpuNanos() - c0) / 1e6;
        }
        lastCpuMs = middle(cpu);
        return middle(ms);
    }

    private static double middle(double[] values) {
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    /**
     * CPU time of every thread of this JVM (the day runs on every core; the JIT and the collector count too): on a
     * shared machine it moves less with the others' load than wall time does.
     */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : -1;
    }

    /** The machine's load average, printed beside the figures: they mean little without it. */
    private static String loadAverage() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "load average unknown" : String.format(Locale.ROOT, "load average %.2f (1 min)", load);
    }
}
