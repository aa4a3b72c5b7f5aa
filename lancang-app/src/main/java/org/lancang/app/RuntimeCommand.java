package org.lancang.app;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.lancang.reference.ReferenceData;
import org.lancang.web.http.Json;
import org.lancang.web.timetable.RuntimeRoutes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lancang runtime}: the running time of a train type between two points and the time at each point, as a
 * timetable would show them (each stop's usual dwell, the type's allowance and supplements), or with
 * {@code --minimum} the bare physics.
 */
@Command(
        name = "runtime",
        mixinStandardHelpOptions = true,
        description = "Running time and the time at each point as a timetable shows them, or the bare physics with"
                + " --minimum (any network of data/, found by --from, or the one --network names, a folder on disk"
                + " too; no database needed).")
final class RuntimeCommand implements Callable<Integer> {
    @Option(names = "--type", required = true, description = "CR200J, HXD3C_25G, FREIGHT, SRT_RAPID, …")
    String type;

    @Option(names = "--from", required = true)
    String from;

    @Option(names = "--to", required = true)
    String to;

    @Option(names = "--stops", split = ",", description = "stop codes, e.g. PHH,VVG,LPB,MXY")
    List<String> stops = List.of();

    @Option(
            names = "--dwell",
            description = "dwell at every stop, e.g. 3m (default: each stop's usual dwell, the border formalities of a"
                    + " cross-border journey at Mohan and Boten)")
    String dwell;

    @Option(names = "--allowance", description = "allowance in percent (default: the train type's)")
    String allowance;

    @Option(names = "--minimum", description = "the bare physics: no allowance, no start or stop supplements")
    boolean minimum;

    @Option(
            names = "--restrictions",
            description =
                    "temporary speed restrictions [LINE:]FROMKM-TOKM:KMH, comma-separated (no line: the one the run is on there)")
    String restrictions;

    @Option(names = "--format", defaultValue = "text", description = "text or json")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Mixin
    NetworkOption network;

    /**
     * The reference data of the network named ({@code --network}, a code or a folder on disk), else of the networks of
     * data/, read once.
     */
    private List<ReferenceData> networks() {
        return network.files().stream().map(ReferenceData::parse).toList();
    }

    /** Of {@code networks}, the one that has the point. */
    private static Optional<ReferenceData> networkOf(List<ReferenceData> networks, String point) {
        return networks.stream()
                .filter(data -> data.network().indexOf(point) >= 0)
                .findFirst();
    }

    @Override
    public Integer call() throws Exception {
        List<ReferenceData> networks = networks();
        // the network that has the origin (China–Laos when none has it: refused there, naming from)
        RuntimeRoutes.RuntimeView view = RuntimeRoutes.compute(
                networkOf(networks, from).orElse(networks.get(0)),
                point -> networkOf(networks, point),
                type,
                from,
                to,
                String.join(",", stops),
                dwell == null ? null : RuntimeRoutes.parseDwell("dwell", dwell),
                allowance == null ? null : RuntimeRoutes.parsePercent("allowance", allowance),
                RuntimeRoutes.parseRestrictions(restrictions),
                minimum,
                format == OutputFormat.JSON);
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(view));
        } else {
            out.printf(
                    "%s %s → %s: running time %s (%s; minimum %s)%n",
                    view.trainType(),
                    view.from(),
                    view.to(),
                    view.runningTime(),
                    view.minimum()
                            ? "bare physics"
                            : String.format(
                                    Locale.ROOT,
                                    "as timetabled: allowance %s %%, start supplement %d s, stop supplement %d s",
                                    new BigDecimal(String.valueOf(view.allowancePercent()))
                                            .stripTrailingZeros()
                                            .toPlainString(),
                                    view.startSupplementSeconds(),
                                    view.stopSupplementSeconds()),
                    view.minimumRunningTime());
            for (RuntimeRoutes.PointTimeView p : view.points()) {
                out.printf(
                        "  %-4s %-34s km %7.1f  arr %s  dep %s  %s%n",
                        p.point(), p.name().en(), p.km(), p.arrival(), p.departure(), p.stops() ? "stop" : "");
            }
        }
        out.flush();
        return 0;
    }
}
