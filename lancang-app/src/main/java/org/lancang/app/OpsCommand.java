package org.lancang.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lancang.data.CsvTable;
import org.lancang.errors.InvalidInput;
import org.lancang.operations.EventKind;
import org.lancang.operations.RunningEvent;
import org.lancang.operations.TrainForecast;
import org.lancang.store.Platform;
import org.lancang.store.operations.OperationsRecords;
import org.lancang.store.operations.OperationsRecords.Ingested;
import org.lancang.store.operations.OperationsService;
import org.lancang.web.http.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lancang ops status|replan|replay|simulate}: live operations from the command line. */
@Command(
        name = "ops",
        mixinStandardHelpOptions = true,
        description = "Live operations: the day's forecast, meet re-planning, replaying and simulating running events.",
        subcommands = {OpsCommand.Status.class, OpsCommand.Replan.class, OpsCommand.Replay.class, OpsSimulate.class})
final class OpsCommand extends CommandGroup {
    /** The columns of an events file (what {@code ops simulate --out} writes and {@code ops replay} reads). */
    static final List<String> EVENT_COLUMNS = List.of("train", "service_date", "point", "kind", "at", "source");

    static String csv(List<RunningEvent> events) {
        StringBuilder sb = new StringBuilder(Csv.line(EVENT_COLUMNS)).append('\n');
        for (RunningEvent e : events) {
            sb.append(Csv.line(List.of(
                            e.train(),
                            e.serviceDate().toString(),
                            e.point(),
                            e.kind().name(),
                            e.at().toString(),
                            e.source() == null ? "" : e.source())))
                    .append('\n');
        }
        return sb.toString();
    }

    static List<RunningEvent> parse(String file, String text) {
        List<RunningEvent> out = new ArrayList<>();
        for (CsvTable.Row row : CsvTable.parse(file, text, EVENT_COLUMNS).rows()) {
            LocalDate date;
            Instant at;
            try {
                date = LocalDate.parse(row.required("service_date"));
            } catch (DateTimeException e) {
                throw row.error("service_date", "is not a date (YYYY-MM-DD)");
            }
            try {
                at = OffsetDateTime.parse(row.required("at").replace("Z", "+00:00"))
                        .toInstant();
            } catch (DateTimeException e) {
                throw row.error("at", "is not an instant with its offset");
            }
            out.add(new RunningEvent(
                    row.required("train"),
                    date,
                    row.required("point"),
                    row.oneOf("kind", EventKind.class),
                    at,
                    row.textIfPresent("source")));
        }
        return out;
    }

    @Command(
            name = "status",
            mixinStandardHelpOptions = true,
            description = "Each train of the day: its last event, its delay now, its forecast at the destination.")
    static final class Status extends PlatformCommand {
        @Option(names = "--date", required = true, description = "service date, YYYY-MM-DD")
        LocalDate date;

        @Option(names = "--format", defaultValue = "text", description = "text or json")
        OutputFormat format;

        @Mixin
        NetworkOption network;

        @Override
        int run(Platform platform, PrintWriter out) throws Exception {
            OperationsService operations = platform.networkOperations().named(network.code(platform), "--network");
            List<TrainForecast> trains = operations.forecast(date);
            if (format == OutputFormat.JSON) {
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(trains));
                return 0;
            }
            out.printf(
                    "%-7s %-4s %-4s %-32s %9s  %-22s %9s%n",
                    "train", "from", "to", "last event", "delay now", "forecast at destination", "delay");
            for (TrainForecast t : trains) {
                String last = t.lastEvent() == null
                        ? "—"
                        : t.lastEvent().kind() + " " + t.lastEvent().point() + " "
                                + t.lastEvent()
                                        .at()
                                        .atZone(operations.serviceZone())
                                        .toLocalTime();
                var dest = t.calls().get(t.calls().size() - 1);
                out.printf(
                        Locale.ROOT,
                        "%-7s %-4s %-4s %-32s %+8dm  %-22s %+8dm%n",
                        t.train(),
                        t.from(),
                        t.to(),
                        last,
                        t.delayNowSeconds() / 60,
                        t.destinationArrival().atZone(dest.zone()).toLocalDateTime() + " "
                                + dest.zone().getId(),
                        t.destinationDelaySeconds() / 60);
            }
            return 0;
        }
    }

    @Command(
            name = "replan",
            mixinStandardHelpOptions = true,
            description = "Re-plan the day's meets on the single track (CP-SAT) and show the proposal against first"
                    + " come, first served.")
    static final class Replan extends PlatformCommand {
        @Option(names = "--date", required = true, description = "service date, YYYY-MM-DD")
        LocalDate date;

        @Option(names = "--format", defaultValue = "text", description = "text or json")
        OutputFormat format;

        @Mixin
        NetworkOption network;

        @Override
        int run(Platform platform, PrintWriter out) throws Exception {
            OperationsRecords.Replan r = platform.networkOperations()
                    .named(network.code(platform), "--network")
                    .replan(date);
            if (format == OutputFormat.JSON) {
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(r));
                return 0;
            }
            out.printf(
                    Locale.ROOT,
                    "%s (forecast version %d): weighted delay now %d s, first come first served %d s, re-planned %d s"
                            + " (CP-SAT %s, gap %.1f %%, %d ms)%n",
                    r.date(),
                    r.version(),
                    r.currentCost(),
                    r.fcfsCost(),
                    r.proposedCost(),
                    r.solverStatus(),
                    100 * r.optimalityGap(),
                    r.solverMillis());
            if (r.proposal() == null) {
                out.println("no proposal: the meets as they stand are as good as the solver found");
                return 0;
            }
            r.proposal().lineChanges().forEach(c -> out.println("  " + c.line() + ": " + String.join(", ", c.after())));
            r.proposal()
                    .holds()
                    .forEach(h -> out.println("  hold " + h.train() + " at " + h.point() + " until " + h.until()
                            + " for " + h.waitsFor()));
            return 0;
        }
    }

    @Command(
            name = "replay",
            mixinStandardHelpOptions = true,
            description = "Record the running events of a CSV file (train,service_date,point,kind,at,source), as"
                    + " the train-describer feed would; the whole file is refused if one event is wrong.")
    static final class Replay extends PlatformCommand {
        @Parameters(index = "0", description = "the events file")
        Path file;

        @Override
        int run(Platform platform, PrintWriter out) throws Exception {
            List<RunningEvent> events =
                    parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            if (events.isEmpty()) {
                throw new InvalidInput("file", file + " holds no events");
            }
            // each network's events go to its own forecast; a file holds one network's (named if not)
            Ingested in = platform.networkOperations().ofBatch(events, true).ingest(events, "replay", true);
            out.printf("%d events recorded, %d already known%n", in.accepted(), in.duplicates());
            return 0;
        }
    }
}
