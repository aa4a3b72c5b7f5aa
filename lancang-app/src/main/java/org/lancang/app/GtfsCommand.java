package org.lancang.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.lancang.gtfs.GtfsExporter;
import org.lancang.gtfs.GtfsImporter;
import org.lancang.store.Platform;
import org.lancang.timetable.Timetable;
import org.lancang.timetable.Train;
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

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write the passenger timetable as GTFS.")
    static final class Export extends PlatformCommand {
        @Option(names = "--out", required = true, description = "the zip file to write")
        Path out;

        @Override
        int run(Platform platform, PrintWriter printer) throws Exception {
            Timetable timetable = platform.timetable().timetable();
            byte[] zip = new GtfsExporter(platform.operators())
                    .export(platform.reference().network(), timetable, TimetableRoutes.feedInfo());
            Files.write(out, zip);
            long trips = timetable.trains().stream().filter(Train::passenger).count();
            printer.printf("wrote %s: %d trips, %d bytes%n", out, trips, zip.length);
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
