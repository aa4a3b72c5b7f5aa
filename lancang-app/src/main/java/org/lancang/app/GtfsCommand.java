package org.lancang.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.lancang.gtfs.GtfsImporter;
import org.lancang.store.Platform;
import org.lancang.store.networks.ServedNetwork;
import org.lancang.timetable.Timetable;
import org.lancang.timetable.Train;
import org.lancang.web.networks.NetworksRoutes;
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

        @Option(names = "--network", description = "only this network's feed, e.g. vientiane-bangkok")
        String network;

        @Override
        int run(Platform platform, PrintWriter printer) throws Exception {
            List<ServedNetwork> networks = network == null
                    ? platform.networks().all()
                    : List.of(platform.networks().require(network, "--network"));
            // a .zip: the first network's feed there, each other's beside it as <name>-<network>.zip; else a folder
            boolean zipFile =
                    out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
            if (!zipFile) {
                Files.createDirectories(out);
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
                byte[] zip = NetworksRoutes.gtfs(n);
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
            description = "Read a GTFS feed into a timetable and list its trains with their stop times.")
    static final class Import extends PlatformCommand {
        @Parameters(index = "0", description = "the GTFS zip")
        Path file;

        @Override
        int run(Platform platform, PrintWriter out) throws Exception {
            Timetable timetable = new GtfsImporter(platform.operators())
                    .importFeed(Files.readAllBytes(file), platform.reference().network());
            for (Train t : timetable.trains()) {
                out.printf(
                        "%-7s %-10s %-10s %s %s → %s %s, %d stops%n",
                        t.number(),
                        t.operator(),
                        t.trainType(),
                        t.first().pointCode(),
                        clock(t.first().departure()),
                        t.last().pointCode(),
                        clock(t.last().arrival()),
                        t.stops().size());
            }
            out.printf("%d trains read from %s%n", timetable.trains().size(), file);
            return 0;
        }

        /** An offset from the service day's midnight as HH:MM (past 24:00 for trains running after midnight). */
        private static String clock(Duration d) {
            return String.format(Locale.ROOT, "%02d:%02d", d.toHours(), d.toMinutesPart());
        }
    }
}
