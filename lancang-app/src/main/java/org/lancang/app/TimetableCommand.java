package org.lancang.app;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lancang.errors.NotFound;
import org.lancang.store.Platform;
import org.lancang.store.changes.TimetableChangeService;
import org.lancang.store.networks.ServedNetwork;
import org.lancang.store.timetable.TimetableService;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.InsertedPath;
import org.lancang.timetable.PathRequest;
import org.lancang.timetable.ServiceCalendar;
import org.lancang.timetable.StopRequest;
import org.lancang.timetable.TrainPlan;
import org.lancang.timetable.change.ChangeOrigin;
import org.lancang.timetable.change.ChangeScope;
import org.lancang.timetable.change.Edit;
import org.lancang.timetable.change.TimetableChange;
import org.lancang.timetable.conflict.Conflict;
import org.lancang.web.http.Json;
import org.lancang.web.networks.NetworksRoutes;
import org.lancang.web.timetable.RuntimeRoutes;
import org.lancang.web.timetable.TimetableViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lancang timetable show|check|insert|build|compare|change}. */
@Command(
        name = "timetable",
        mixinStandardHelpOptions = true,
        description = "Show, check and extend the timetable.",
        subcommands = {
            TimetableCommand.Show.class,
            TimetableCommand.Check.class,
            TimetableCommand.Insert.class,
            TimetableBuildCommand.class,
            TimetableCompareCommand.class,
            TimetableChangeCommand.class
        })
final class TimetableCommand extends CommandGroup {

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "A train's times at every point: local time and ISO-8601 instant with offset.")
    static final class Show extends PlatformCommand {
        @Option(names = "--train", required = true, description = "train number, e.g. C82")
        String train;

        @Option(names = "--date", description = "service date (default: today at the origin)")
        LocalDate date;

        @Option(names = "--format", defaultValue = "text", description = "text or json")
        OutputFormat format;

        @Mixin
        NetworkOption network;

        @Override
        int run(Platform platform, PrintWriter out) throws Exception {
            TimetableService service = platform.timetable();
            TimetableViews.TrainView view;
            LocalDate day;
            // the train is looked for in the network named, else in home first, then in every network served
            ServedNetwork named = network.name == null ? null : network.of(platform);
            if (named == null ? service.plan(train).isPresent() : named.home()) {
                TrainPlan base = service.requirePlan(train, null, "train");
                ZoneId zone = platform.reference()
                        .network()
                        .point(base.from())
                        .orElseThrow()
                        .timeZone();
                day = date != null ? date : today(platform, zone);
                TrainPlan plan = service.plan(train, day).orElse(base); // the day's, with the published changes
                view = TimetableViews.train(
                        platform.reference().network(),
                        service.train(plan, day),
                        day); // under the day's speed restrictions
            } else { // a train of another network served, as it runs that day after its published changes
                ServedNetwork served = (named != null
                                ? named.plan(train).map(p -> named)
                                : platform.networks().ofTrain(train))
                        .orElseThrow(() -> new NotFound(
                                "train",
                                "no train '" + train + "' in the networks "
                                        + (named != null
                                                ? named.code()
                                                : platform.networks().codes())));
                TrainPlan plan = served.plan(train).orElseThrow();
                ZoneId zone = served.network().point(plan.from()).orElseThrow().timeZone();
                day = date != null ? date : today(platform, zone);
                view = NetworksRoutes.train(served, train, day);
            }
            if (format == OutputFormat.JSON) {
                out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(view));
            } else {
                out.printf(
                        "%s %s %s → %s on %s%s%n",
                        view.number(),
                        view.trainType(),
                        view.from(),
                        view.to(),
                        day,
                        view.runsOnDate() ? "" : " (does not run that day)");
                out.printf(
                        "%-4s %-34s %-7s %-7s %-27s %-27s %s%n",
                        "code", "point", "arr", "dep", "arrival (ISO)", "departure (ISO)", "");
                for (TimetableViews.CallView c : view.calls()) {
                    out.printf(
                            "%-4s %-34s %-7s %-7s %-27s %-27s %s%n",
                            c.point(),
                            c.name().en(),
                            c.arrivalLocal(),
                            c.departureLocal(),
                            c.arrival(),
                            c.departure(),
                            c.stops()
                                    ? "stop"
                                    : c.dwellSeconds() > 0 ? "wait " + c.dwellSeconds() / 60 + " min" : "pass");
                }
            }
            return 0;
        }
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = "Print every conflict of a day; exit 0 if and only if there is none.")
    static final class Check extends PlatformCommand {
        @Option(names = "--date", description = "the day (default: today, in the network's service zone)")
        LocalDate date;

        @Mixin
        NetworkOption network;

        @Override
        int run(Platform platform, PrintWriter out) {
            ServedNetwork served = network.of(platform);
            LocalDate day =
                    date != null ? date : today(platform, served.network().serviceZone());
            // as GET /api/timetable/conflicts: home's day under its possessions, another's under its road windows
            DayPlan plan = served.home() ? platform.timetable().day(day) : served.day(day);
            for (Conflict c : plan.conflicts()) {
                out.printf(
                        "CONFLICT %s: %s and %s overlap %s – %s%n",
                        c.resource(), c.first(), c.second(), c.from(), c.to());
            }
            out.printf(
                    "%d trains on %s, %d blocking times, %d conflicts%n",
                    plan.runsOfTheDay().size(),
                    day,
                    plan.occupations().size(),
                    plan.conflicts().size());
            return plan.conflicts().isEmpty() ? 0 : 1;
        }
    }

    @Command(
            name = "insert",
            mixinStandardHelpOptions = true,
            description = "Find the earliest conflict-free path for a new train (and add it for that date with --add,"
                    + " as a published timetable change).")
    static final class Insert extends PlatformCommand {
        @Option(names = "--type", required = true, description = "train type: FREIGHT, CR200J, HXD3C_25G")
        String type;

        @Option(names = "--from", required = true)
        String from;

        @Option(names = "--to", required = true)
        String to;

        @Option(names = "--earliest", required = true, description = "earliest departure, e.g. 2026-12-01T22:00+08:00")
        OffsetDateTime earliest;

        @Option(names = "--stops", split = ",", description = "stops as CODE:MINUTES, e.g. MHN:20,BTN:20")
        List<String> stops = new ArrayList<>();

        @Option(
                names = "--number",
                defaultValue = "X9001",
                description = "number of the new train (default ${DEFAULT-VALUE})")
        String number;

        @Option(names = "--add", description = "add the train found to the timetable of its date (a timetable change)")
        boolean add;

        @Option(
                names = "--via",
                split = ",",
                description = "junctions the train runs through, in order, where two ways join from and to"
                        + " (default: the shortest way)")
        List<String> via = new ArrayList<>();

        @Mixin
        NetworkOption network;

        @Override
        int run(Platform platform, PrintWriter out) {
            // the path is found, and added, on the network named: around its day, through its timetable changes
            ServedNetwork served = network.of(platform);
            TimetableChangeService changes = platform.networkChanges().named(served.code(), "--network");
            TimetableService timetable = changes.timetable();
            List<StopRequest> stopList = new ArrayList<>();
            for (String s : stops) {
                String[] parts = s.split(":");
                stopList.add(new StopRequest(
                        parts[0].toUpperCase(Locale.ROOT),
                        parts.length > 1 ? RuntimeRoutes.parseDwell("stops", parts[1]) : Duration.ofMinutes(2)));
            }
            String typeCode = type.toUpperCase(Locale.ROOT);
            boolean passenger =
                    timetable.planner().trainType(typeCode, "type").category().carriesPassengers();
            LocalDate day = earliest.atZoneSameInstant(served.network()
                            .point(from.toUpperCase(Locale.ROOT))
                            .map(p -> p.timeZone())
                            .orElse(earliest.getOffset()))
                    .toLocalDate();
            PathRequest request = new PathRequest(
                    number,
                    served.operators().all().stream()
                            .filter(o -> !o.runsTrainsIn().isEmpty())
                            .findFirst()
                            .orElseThrow(),
                    typeCode,
                    passenger,
                    ServiceCalendar.daily(day, day),
                    from.toUpperCase(Locale.ROOT),
                    to.toUpperCase(Locale.ROOT),
                    stopList,
                    earliest.toInstant(),
                    false,
                    passenger ? 5 : 6,
                    Duration.ofHours(12),
                    via.stream().map(v -> v.strip().toUpperCase(Locale.ROOT)).toList());
            long t0 = System.nanoTime();
            InsertedPath found = changes.findPath(request, List.of());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            String added = "";
            if (add) {
                added = "; added to the timetable of " + day + " as change "
                        + changes.publishNew(
                                        new TimetableChange(
                                                "path " + number + " " + day,
                                                ChangeOrigin.PLANNER,
                                                ChangeScope.on(day),
                                                List.of(new Edit.Add(found.plan()))),
                                        "cli",
                                        false)
                                .change()
                                .id();
            }
            TimetableViews.TrainView view = TimetableViews.train(
                    served.network(),
                    timetable.train(found.plan(), found.run().serviceDate()),
                    found.run().serviceDate());
            out.printf(
                    "path for %s (%s) %s → %s: departs %s, arrives %s; %d waits, %d min in all; departure held %d min"
                            + " (%d steps, %d ms)%s%n",
                    found.plan().number(),
                    typeCode,
                    view.from(),
                    view.to(),
                    view.calls().get(0).departure(),
                    view.calls().get(view.calls().size() - 1).arrival(),
                    found.waits().size(),
                    found.totalWait().toMinutes(),
                    found.departureDelay().toMinutes(),
                    found.iterations(),
                    ms,
                    added);
            for (StopRequest w : found.waits()) {
                out.printf("  wait at %s for %d min%n", w.point(), w.dwell().toMinutes());
            }
            return 0;
        }
    }

    /**
     * Today in {@code zone} by the platform's clock: {@code LANCANG_CLOCK} where it is set, as every command's now (so
     * a demonstration's or a test's day), else the system clock.
     */
    static LocalDate today(Platform platform, ZoneId zone) {
        return LocalDate.ofInstant(platform.operations().clock().instant(), zone);
    }
}
