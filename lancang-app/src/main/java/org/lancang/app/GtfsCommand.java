package org.lancang.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.lancang.errors.InvalidInput;
import org.lancang.gtfs.GtfsImport;
import org.lancang.gtfs.GtfsImporter;
import org.lancang.gtfs.ImportNetwork;
import org.lancang.gtfs.ImportedPlans;
import org.lancang.store.Platform;
import org.lancang.store.networks.ServedNetwork;
import org.lancang.timetable.DayPlan;
import org.lancang.timetable.Timetable;
import org.lancang.timetable.Train;
import org.lancang.timetable.TrainPlan;
import org.lancang.web.networks.NetworksRoutes;
import org.lancang.web.timetable.TimetableRoutes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lancang gtfs export|import}. */
@Command(
        name = "gtfs",
        mixinStandardHelpOptions = true,
        description = "GTFS static feed export and import.",
        subcommands = {GtfsCommand.Export.class, GtfsCommand.Import.class})
final class GtfsCommand extends CommandGroup {

    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = "Write the passenger timetable as GTFS: every network's feed, or one network's (--network"
                    + " NAME).")
    static final class Export extends PlatformCommand {
        @Option(
                names = "--out",
                required = true,
                description = "a .zip: the first network's feed, the others beside it as NAME-<network>.zip; or a"
                        + " folder, one <network>.zip each")
        Path out;

        @Option(
                names = "--network",
                description = "only this network's feed: its code, e.g. vientiane-bangkok, or the path to a network"
                        + " folder on disk, e.g. ./my-line")
        String network;

        @Override
        Optional<NetworkOption> network() {
            return Optional.ofNullable(network).map(NetworkOption::named);
        }

        @Override
        int run(Platform platform, PrintWriter printer) throws Exception {
            List<ServedNetwork> networks = network == null
                    ? platform.networks().all()
                    : List.of(NetworkOption.named(network).of(platform));
            // a .zip: the first network's feed there, each other's beside it as <name>-<network>.zip; else a folder
            boolean zipFile =
                    out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
            // the folder the feeds go to is made as needed, as for a folder given: a missing one is no error
            Path folder = zipFile ? out.toAbsolutePath().getParent() : out;
            if (folder != null) {
                Files.createDirectories(folder);
            }
            for (ServedNetwork n : networks) {
                Path file;
                if (!zipFile) {
                    file = out.resolve(n.code() + ".zip");
                } else if (n == networks.get(0)) {
                    file = out;
                } else {
                    String name = out.getFileName().toString();
                    file = out.resolveSibling(name.substring(0, name.length() - 4) + "-" + n.code() + ".zip");
                }
                // the home network's published changes are its timetable service's
                byte[] zip = n.home()
                        ? NetworksRoutes.gtfs(n, TimetableRoutes.feedChanges(platform.timetable()))
                        : NetworksRoutes.gtfs(n);
                Files.write(file, zip);
                long trips =
                        n.timetable().trains().stream().filter(Train::passenger).count();
                printer.printf("wrote %s: %s, %d trips, %d bytes%n", file, n.code(), trips, zip.length);
            }
            return 0;
        }
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = "Read a GTFS feed (Lancang's own of any network, or a third party's) into a timetable: say"
                    + " which network it is and how each stop was matched, list its trains with their stop times and"
                    + " run them through the conflict check.")
    static final class Import extends PlatformCommand {
        @Parameters(index = "0", description = "the GTFS zip")
        Path file;

        @Option(
                names = "--network",
                description = "the network the feed is of, e.g. vientiane-bangkok, or the path to a network folder on"
                        + " disk, e.g. ./my-line (default: found from its stops and agencies)")
        String network;

        @Override
        Optional<NetworkOption> network() {
            return Optional.ofNullable(network).map(NetworkOption::named);
        }

        @Option(
                names = "--date",
                description = "the day to check for conflicts (default: the first day on which the most imported"
                        + " trains run)")
        LocalDate date;

        @Override
        int run(Platform platform, PrintWriter out) throws Exception {
            List<ServedNetwork> candidates = network == null
                    ? platform.networks().all()
                    : List.of(NetworkOption.named(network).of(platform));
            GtfsImport read = new GtfsImporter()
                    .read(
                            Files.readAllBytes(file),
                            candidates.stream().map(Import::importNetwork).toList());
            ServedNetwork into = platform.networks().require(read.network(), "--network");
            out.printf(
                    "network: %s (%s)%n",
                    into.code(), network == null ? "found from the feed's stops and agencies" : "--network");
            for (GtfsImport.MatchedStop s : read.stops()) {
                out.printf("stop %-12s %-32s → %-5s by %s%n", s.stopId(), s.stopName(), s.pointCode(), s.how());
            }
            read.notes().forEach(note -> out.println("note: " + note));
            Timetable timetable = read.timetable();
            for (Train t : timetable.trains()) {
                out.printf(
                        "%-7s %-10s %-10s %s %s → %s %s, %d stops%n",
                        t.number(),
                        t.operator(),
                        t.trainType(),
                        t.first().pointCode(),
                        clock(t.first().departure()),
                        t.last().pointCode(),
                        clock(localAt(
                                t,
                                t.last().arrival(),
                                into.network()
                                        .point(t.last().pointCode())
                                        .orElseThrow()
                                        .timeZone())),
                        t.stops().size());
            }
            out.printf("%d trains read from %s%n", timetable.trains().size(), file);
            conflicts(into, timetable, out);
            return 0;
        }

        /** What the importer matches a feed against for a network served. */
        private static ImportNetwork importNetwork(ServedNetwork n) {
            return new ImportNetwork(
                    n.code(), n.network(), n.operators(), NetworksRoutes.stopCoordinates(n), usualType(n));
        }

        /** The train type most of the network's passenger trains have: what a feed without types is taken to run. */
        private static String usualType(ServedNetwork n) {
            return n.plans().stream()
                    .filter(TrainPlan::passenger)
                    .collect(Collectors.groupingBy(TrainPlan::trainType, TreeMap::new, Collectors.counting()))
                    .entrySet()
                    .stream()
                    .max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey)
                    .orElse(GtfsImporter.DEFAULT_TRAIN_TYPE);
        }

        /** The imported trains laid on the line as the shipped ones are, on one day, and their conflicts counted. */
        private void conflicts(ServedNetwork into, Timetable timetable, PrintWriter out) {
            List<TrainPlan> plans = new ArrayList<>();
            for (Train t : timetable.trains()) {
                try {
                    plans.add(ImportedPlans.fitted(t, into.planner()));
                } catch (InvalidInput | IllegalArgumentException e) {
                    out.printf("conflict check: train %s left out: %s%n", t.number(), e.getMessage());
                }
            }
            LocalDate day = date != null ? date : busiestDay(plans);
            if (day == null) {
                out.println("conflict check: no train to check");
                return;
            }
            DayPlan checked = into.planner().day(plans, day, into.roadWindows(day), List.of());
            out.printf(
                    "conflict check on %s: %d runs, %d conflicts (GTFS gives no waits at passing loops)%n",
                    day, checked.runsOfTheDay().size(), checked.conflicts().size());
        }

        /** Of the first week the trains run, the first day on which the most of them run. */
        private static LocalDate busiestDay(List<TrainPlan> plans) {
            LocalDate first = plans.stream()
                    .map(p -> p.calendar().startDate())
                    .min(Comparator.naturalOrder())
                    .orElse(null);
            if (first == null) {
                return null;
            }
            LocalDate best = first;
            long most = -1;
            for (LocalDate d = first; d.isBefore(first.plusDays(7)); d = d.plusDays(1)) {
                LocalDate day = d;
                long running =
                        plans.stream().filter(p -> p.calendar().runsOn(day)).count();
                if (running > most) {
                    most = running;
                    best = day;
                }
            }
            return best;
        }

        /** An offset from the service day's midnight as HH:MM (past 24:00 for trains running after midnight). */
        /**
         * A time of the train as the clocks read it in {@code zone} (its destination's), counted from midnight there
         * of its first day: its times are counted from midnight in its origin's zone, an hour apart across the
         * China–Laos border.
         */
        private static Duration localAt(Train t, Duration time, ZoneId zone) {
            LocalDate day = t.calendar().startDate();
            return Duration.between(day.atStartOfDay(), LocalDateTime.ofInstant(t.at(day, time), zone));
        }

        private static String clock(Duration d) {
            return String.format(Locale.ROOT, "%02d:%02d", d.toHours(), d.toMinutesPart());
        }
    }
}
