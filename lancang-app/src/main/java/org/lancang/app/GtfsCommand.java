package org.lancang.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.lancang.gtfs.GtfsExporter;
import org.lancang.gtfs.GtfsImporter;
import org.lancang.store.Platform;
import org.lancang.timetable.Timetable;
import org.lancang.timetable.Train;
import org.lancang.web.timetable.TimetableRoutes;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lancang gtfs export|import}. */
@Command(name = "gtfs", mixinStandardHelpOptions = true, description = "GTFS static feed export and import.",
        subcommands = {GtfsCommand.Export.class, GtfsCommand.Import.class})
final class GtfsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Write the passenger timetable as GTFS.")
    static final class Export implements Callable<Integer> {
        @Option(names = "--out", required = true, description = "the zip file to write")
        Path out;

        @Mixin
        DatabaseOptions database;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Platform platform = PlatformOpener.open(database)) {
                Timetable timetable = platform.timetable().timetable();
                byte[] zip = new GtfsExporter().export(platform.reference().network(), timetable, TimetableRoutes.feedInfo());
                Files.write(out, zip);
                long trips = timetable.trains().stream().filter(Train::passenger).count();
                spec.commandLine().getOut().printf("wrote %s: %d trips, %d bytes%n", out, trips, zip.length);
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Read a GTFS feed into a timetable and list its trains with their stop times.")
    static final class Import implements Callable<Integer> {
        @Parameters(index = "0", description = "the GTFS zip")
        Path file;

        @Mixin
        DatabaseOptions database;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            try (Platform platform = PlatformOpener.open(database)) {
                Timetable timetable = new GtfsImporter().importFeed(Files.readAllBytes(file), platform.reference().network());
                PrintWriter out = spec.commandLine().getOut();
                for (Train t : timetable.trains()) {
                    out.printf("%-7s %-10s %-10s %s %s → %s %s, %d stops%n", t.number(), t.operator(), t.trainType(),
                            t.first().pointCode(), RuntimeTimes.clock(t.first().departure()), t.last().pointCode(),
                            RuntimeTimes.clock(t.last().arrival()), t.stops().size());
                }
                out.printf("%d trains read from %s%n", timetable.trains().size(), file);
                out.flush();
                return 0;
            }
        }
    }

    /** Offsets as H:MM (past 24:00 for trains running after midnight). */
    static final class RuntimeTimes {
        static String clock(java.time.Duration d) {
            return String.format(java.util.Locale.ROOT, "%02d:%02d", d.toHours(), d.toMinutesPart());
        }
    }
}
