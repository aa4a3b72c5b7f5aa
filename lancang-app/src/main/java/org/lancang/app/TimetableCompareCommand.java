package org.lancang.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.lancang.data.DataFiles;
import org.lancang.network.Network;
import org.lancang.reference.ReferenceData;
import org.lancang.store.networks.ServedNetwork;
import org.lancang.timetable.PublishedTimes;
import org.lancang.timetable.TimetableComparison;
import org.lancang.web.http.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lancang timetable compare --published FILE.csv}: the running-time rules held against a published timetable,
 * leg by leg (home's network or the one {@code --network} names, no database needed). With {@code --planned} the
 * network's timetable as planned is held against it instead: how the second network's timetable was calibrated, its
 * trains' allowance and meet waits being in its plans, not in the type's rules.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = "Compare the times the running-time rules give with a published timetable, leg by leg.")
final class TimetableCompareCommand implements Callable<Integer> {
    @Option(
            names = "--published",
            required = true,
            description = "CSV of published times: train,stop,minutes (after the first departure)[,train_type]")
    Path published;

    @Option(
            names = "--worst",
            defaultValue = "5",
            description = "how many worst legs to list (default ${DEFAULT-VALUE})")
    int worst;

    @Option(names = "--format", defaultValue = "text", description = "text or json")
    OutputFormat format;

    @Option(
            names = "--planned",
            description = "hold the network's timetable.csv as planned (its stops, dwells, allowance and meet waits)"
                    + " against the published times, instead of running each published train by the rules")
    boolean planned;

    @Mixin
    NetworkOption network;

    @Spec
    CommandSpec spec;

    /** The report as JSON shows it. */
    record LegView(
            String train, String from, String to, double publishedMinutes, double computedMinutes, double ratio) {
        static LegView of(TimetableComparison.Leg l) {
            return new LegView(
                    l.train(),
                    l.from(),
                    l.to(),
                    round(l.publishedMinutes()),
                    round(l.computedMinutes()),
                    rounded(l.ratio()));
        }
    }

    record TrainView(
            String train,
            String trainType,
            double publishedMinutes,
            double computedMinutes,
            double ratio,
            List<LegView> legs) {}

    record ReportView(List<TrainView> trains, double medianAbsoluteErrorPercent, List<LegView> worstLegs) {}

    @Override
    public Integer call() throws Exception {
        DataFiles files = this.network.files().get(0);
        ReferenceData data = ReferenceData.parse(files);
        Network network = data.network();
        List<PublishedTimes.Train> trains = PublishedTimes.parse(
                published.getFileName().toString(), Files.readString(published, StandardCharsets.UTF_8), network);
        TimetableComparison.Report report;
        if (planned) {
            ServedNetwork served = ServedNetwork.fromFiles(files);
            report = TimetableComparison.compare(
                    trains,
                    number -> served.plan(number).map(p -> served.planner().run(p, List.of())));
        } else {
            report = TimetableComparison.compare(network, data.rollingStock(), trains);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(view(report)));
        } else {
            print(out, network, report);
        }
        out.flush();
        return 0;
    }

    private ReportView view(TimetableComparison.Report report) {
        return new ReportView(
                report.trains().stream()
                        .map(t -> new TrainView(
                                t.train(),
                                t.trainType(),
                                round(t.publishedMinutes()),
                                round(t.computedMinutes()),
                                rounded(t.ratio()),
                                t.legs().stream().map(LegView::of).toList()))
                        .toList(),
                round(100 * report.medianAbsoluteError()),
                report.worstLegs(worst).stream().map(LegView::of).toList());
    }

    private void print(PrintWriter out, Network network, TimetableComparison.Report report) {
        out.printf(
                "Published times of %d trains (%d legs) against %s%n",
                report.trains().size(),
                report.legs().size(),
                planned
                        ? "the timetable of " + network.code() + " as planned: its stops, dwells, allowance and meets"
                        : "the running-time rules: usual dwells, start and stop supplements and allowance of each"
                                + " train type");
        for (TimetableComparison.TrainResult t : report.trains()) {
            out.printf(
                    "%n%s (%s) %s → %s%n",
                    t.train(),
                    t.trainType(),
                    name(network, t.legs().get(0).from()),
                    name(network, t.legs().get(t.legs().size() - 1).to()));
            out.printf("  %-13s %9s %9s %7s%n", "leg", "published", "computed", "ratio");
            for (TimetableComparison.Leg l : t.legs()) {
                out.printf(
                        Locale.ROOT,
                        "  %-13s %9.1f %9.1f %7.3f%s%n",
                        l.from() + " → " + l.to(),
                        l.publishedMinutes(),
                        l.computedMinutes(),
                        l.ratio(),
                        l.error() > 0.10 ? "  outside ±10 %" : "");
            }
            out.printf(
                    Locale.ROOT,
                    "  %-13s %9.1f %9.1f %7.3f  (%+.1f min)%n",
                    "whole train",
                    t.publishedMinutes(),
                    t.computedMinutes(),
                    t.ratio(),
                    t.differenceMinutes());
        }
        out.printf(
                Locale.ROOT,
                "%nmedian absolute error %.1f %% over %d legs%n",
                100 * report.medianAbsoluteError(),
                report.legs().size());
        out.println("worst legs:");
        for (TimetableComparison.Leg l : report.worstLegs(worst)) {
            out.printf(
                    Locale.ROOT,
                    "  %-6s %-13s published %6.1f computed %6.1f ratio %.3f%n",
                    l.train(),
                    l.from() + " → " + l.to(),
                    l.publishedMinutes(),
                    l.computedMinutes(),
                    l.ratio());
        }
    }

    private static String name(Network network, String code) {
        return network.point(code).map(p -> p.names().en()).orElse(code);
    }

    private static double round(double minutes) {
        return Math.round(minutes * 10) / 10.0;
    }

    private static double rounded(double r) {
        return Math.round(r * 1000) / 1000.0;
    }
}
