package org.lancang.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.lancang.reference.ReferenceData;
import org.lancang.store.operations.ServerClock;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.Operator;
import org.lancang.timetable.PathFinder;
import org.lancang.timetable.PathRequest;
import org.lancang.timetable.Planner;
import org.lancang.timetable.ServiceCalendar;
import org.lancang.timetable.StopRequest;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.TrainPlan;
import org.lancang.timetable.conflict.BruteForceConflictChecker;
import org.lancang.timetable.conflict.ConflictDetector;
import org.lancang.timetable.conflict.Occupation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lancang bench timetable}: the planner's hot paths timed in this process, reported as medians after a warm-up,
 * with the brute-force conflict checker run on the same day as the baseline.
 */
@Command(
        name = "lancang bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks (medians after warm-up, in this process).")
final class BenchCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "what to measure: timetable, network, sales, ops, freight or tracking")
    String what;

    @Option(names = "--iterations", defaultValue = "30", description = "measured iterations (default ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--warmup", defaultValue = "10", description = "warm-up iterations (default ${DEFAULT-VALUE})")
    int warmup;

    @Option(
            names = "--http-seconds",
            defaultValue = "30",
            description = "sales: seconds of HTTP load per system, 0 to skip (default ${DEFAULT-VALUE})")
    int httpSeconds;

    @Option(
            names = "--http-warmup",
            defaultValue = "120",
            description =
                    "sales: seconds of HTTP load before measuring, so that the server is compiled (default ${DEFAULT-VALUE})")
    int httpWarmup;

    @Option(
            names = "--scenarios",
            defaultValue = "100",
            description = "ops: seeded disruption scenarios re-planned (default ${DEFAULT-VALUE})")
    int scenarios;

    @Option(
            names = "--replan-ms",
            defaultValue = "800",
            description = "ops: wall-clock budget of one re-planning (problem, FCFS, CP-SAT, play-through), ms"
                    + " (default ${DEFAULT-VALUE})")
    int replanMillis;

    @Option(
            names = "--trains",
            defaultValue = "10000",
            description = "network: trains of the synthetic day (default ${DEFAULT-VALUE})")
    int trains;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "network: seed of the synthetic network (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--lines", defaultValue = "40", description = "network: lines (default ${DEFAULT-VALUE})")
    int lines;

    @Option(
            names = "--network",
            defaultValue = ClasspathDataFiles.CHINA_LAOS,
            description = "sales: the network whose trains are sold, served beside home (default ${DEFAULT-VALUE},"
                    + " the home network)")
    String network;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (what.equals("sales")) {
            if (!ClasspathDataFiles.networks().contains(network)) {
                spec.commandLine()
                        .getErr()
                        .println("unknown network '" + network + "'; known: "
                                + String.join(", ", ClasspathDataFiles.networks()));
                return 2;
            }
            try {
                new SalesBench(spec.commandLine().getOut(), network).run();
                if (httpSeconds > 0) {
                    new SalesHttpBench(
                                    spec.commandLine().getOut(),
                                    httpSeconds,
                                    httpWarmup,
                                    network,
                                    ServerClock.fromEnvironment())
                            .run();
                }
            } catch (SalesHttpBench.Degenerated failed) {
                spec.commandLine().getOut().flush();
                spec.commandLine().getErr().println("lancang bench sales FAILED: " + failed.getMessage());
                return 1;
            }
            return 0;
        }
        if (what.equals("freight")) {
            try {
                new FreightBench(spec.commandLine().getOut(), Math.max(iterations, 40), warmup).run();
            } catch (FreightBench.Degenerated failed) {
                spec.commandLine().getOut().flush();
                spec.commandLine().getErr().println("lancang bench freight FAILED: " + failed.getMessage());
                return 1;
            }
            return 0;
        }
        if (what.equals("tracking")) {
            try {
                new TrackingBench(spec.commandLine().getOut(), 12).run();
            } catch (TrackingBench.Degenerated failed) {
                spec.commandLine().getOut().flush();
                spec.commandLine().getErr().println("lancang bench tracking FAILED: " + failed.getMessage());
                return 1;
            }
            return 0;
        }
        if (what.equals("network")) {
            try {
                // a step of the large day takes seconds: fewer repeats than the millisecond benchmarks
                new NetworkBench(
                                spec.commandLine().getOut(),
                                trains,
                                seed,
                                lines,
                                Math.min(iterations, 5),
                                Math.min(warmup, 2))
                        .run();
            } catch (NetworkBench.Degenerated failed) {
                spec.commandLine().getOut().flush();
                spec.commandLine().getErr().println("lancang bench network FAILED: " + failed.getMessage());
                return 1;
            }
            return 0;
        }
        if (what.equals("ops")) {
            new OpsBench(spec.commandLine().getOut(), scenarios, Duration.ofMillis(replanMillis)).run();
            return 0;
        }
        if (!what.equals("timetable")) {
            spec.commandLine()
                    .getErr()
                    .println("unknown benchmark '" + what
                            + "'; known: timetable, network, sales, ops, freight, tracking");
            return 2;
        }
        PrintWriter out = spec.commandLine().getOut();
        ClasspathDataFiles files = new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS);
        ReferenceData data = ReferenceData.parse(files);
        List<TrainPlan> plans = TimetableFile.parse("timetable.csv", files.read("timetable.csv"));
        LocalDate day = LocalDate.of(2026, 12, 1);
        // the first cross-border passenger train of the data (D88 in the shipped timetable): the longest run there is
        TrainPlan crossBorder = plans.stream()
                .filter(TrainPlan::passenger)
                .filter(p -> !data.network()
                        .point(p.from())
                        .orElseThrow()
                        .country()
                        .equals(data.network().point(p.to()).orElseThrow().country()))
                .findFirst()
                .orElseThrow();
        out.printf(
                "lancang bench timetable: %d trains, %d warm-up + %d measured iterations, Java %s, %d cores%n",
                plans.size(),
                warmup,
                iterations,
                Runtime.version(),
                Runtime.getRuntime().availableProcessors());

        double run = median(() ->
                new Planner(data.network(), data.rollingStock(), BlockingRules.defaults()).run(crossBorder, List.of()));
        report(
                out,
                "one " + crossBorder.trainType() + " run " + crossBorder.from() + "→" + crossBorder.to() + ", "
                        + (crossBorder.stops().size() + 2) + " stops (" + crossBorder.number() + ")",
                run,
                5);

        double wholeDay = median(() -> new Planner(data.network(), data.rollingStock(), BlockingRules.defaults())
                .day(plans, day, List.of(), List.of()));
        report(out, "reference day: every train computed + conflict-checked", wholeDay, 200);
        double runsOnly = median(() -> {
            Planner p = new Planner(data.network(), data.rollingStock(), BlockingRules.defaults());
            return plans.stream().map(plan -> p.run(plan, List.of())).toList();
        });
        out.printf(Locale.ROOT, "  of which the %d running-time calculations: %.2f ms%n", plans.size(), runsOnly);

        Planner planner = new Planner(data.network(), data.rollingStock(), BlockingRules.defaults());
        DayPlan evaluated = planner.day(plans, day, List.of(), List.of());
        PathRequest freight = new PathRequest(
                "X9001",
                Operator.valueOf("CR_KUNMING"),
                "FREIGHT",
                false,
                ServiceCalendar.daily(day, day),
                "KMS",
                "VTS",
                List.of(new StopRequest("MHN", Duration.ofMinutes(20))),
                day.atTime(LocalTime.of(22, 0))
                        .atZone(data.network().serviceZone())
                        .toInstant(),
                false,
                6,
                Duration.ofHours(12));
        double insert = median(() -> new PathFinder(planner).insert(freight, evaluated, List.of(), List.of()));
        report(out, "insert one freight path KMS→VTS into the reference day", insert, 500);

        // as records, as any caller with a plain list has them: the sweep's time includes making its table
        List<Occupation> occupations = List.copyOf(evaluated.occupations());
        double sweep = median(() -> ConflictDetector.detect(occupations));
        int saved = iterations;
        int savedWarmup = warmup;
        iterations = Math.min(iterations, 5);
        warmup = 1;
        double brute = median(() -> BruteForceConflictChecker.detect(occupations));
        iterations = saved;
        warmup = savedWarmup;
        out.printf(
                Locale.ROOT,
                "conflict check of the day's %d blocking times: sweep %.2f ms, brute-force pairwise %.1f ms"
                        + " (median of %d) → sweep is %.0f× faster%n",
                occupations.size(),
                sweep,
                brute,
                Math.min(iterations, 5),
                brute / sweep);
        out.flush();
        return 0;
    }

    private void report(PrintWriter out, String name, double medianMs, double targetMs) {
        out.printf(
                Locale.ROOT,
                "%-58s median %8.2f ms  (target < %.0f ms: %s)%n",
                name,
                medianMs,
                targetMs,
                medianMs < targetMs ? "met" : "NOT met");
    }

    /** Median wall time in ms of {@code iterations} calls after {@code warmup} calls. */
    private double median(Supplier<?> task) {
        List<Object> sink = new ArrayList<>();
        for (int i = 0; i < warmup; i++) {
            sink.add(task.get());
        }
        double[] ms = new double[iterations];
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            sink.add(task.get());
            ms[i] = (System.nanoTime() - t0) / 1e6;
            sink.clear();
        }
        Arrays.sort(ms);
        return ms.length % 2 == 1 ? ms[ms.length / 2] : (ms[ms.length / 2 - 1] + ms[ms.length / 2]) / 2;
    }
}
