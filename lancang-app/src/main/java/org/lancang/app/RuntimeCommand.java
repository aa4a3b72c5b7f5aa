package org.lancang.app;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.lancang.reference.ReferenceData;
import org.lancang.store.reference.ClasspathDataFiles;
import org.lancang.web.http.Json;
import org.lancang.web.timetable.RuntimeRoutes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lancang runtime}: the minimum running time of a train type between two points, from the physics. */
@Command(
        name = "runtime",
        mixinStandardHelpOptions = true,
        description = "Minimum running time and the time at each point (reference network, no database needed).")
final class RuntimeCommand implements Callable<Integer> {
    @Option(names = "--type", required = true, description = "CR200J, HXD3C_25G or FREIGHT")
    String type;

    @Option(names = "--from", required = true)
    String from;

    @Option(names = "--to", required = true)
    String to;

    @Option(names = "--stops", split = ",", description = "stop codes, e.g. PHH,VVG,LPB,MXY")
    List<String> stops = List.of();

    @Option(names = "--dwell", defaultValue = "2m", description = "dwell at each stop (default ${DEFAULT-VALUE})")
    String dwell;

    @Option(names = "--allowance", defaultValue = "0", description = "allowance in percent (default ${DEFAULT-VALUE})")
    String allowance;

    @Option(names = "--restrictions", description = "temporary speed restrictions FROMKM-TOKM:KMH, comma-separated")
    String restrictions;

    @Option(names = "--format", defaultValue = "text", description = "text or json")
    OutputFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ReferenceData reference = ReferenceData.parse(new ClasspathDataFiles(ClasspathDataFiles.CHINA_LAOS));
        RuntimeRoutes.RuntimeView view = RuntimeRoutes.compute(
                reference,
                type,
                from,
                to,
                String.join(",", stops),
                RuntimeRoutes.parseDwell("dwell", dwell),
                RuntimeRoutes.parsePercent("allowance", allowance),
                RuntimeRoutes.parseRestrictions(restrictions),
                format == OutputFormat.JSON);
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.JSON) {
            out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(view));
        } else {
            out.printf(
                    "%s %s → %s: running time %s (minimum %s)%n",
                    view.trainType(), view.from(), view.to(), view.runningTime(), view.minimumRunningTime());
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
