package org.lancang.gtfs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import org.lancang.data.DataFiles;
import org.lancang.reference.ReferenceData;
import org.lancang.timetable.BlockingRules;
import org.lancang.timetable.Operators;
import org.lancang.timetable.Planner;
import org.lancang.timetable.Timetable;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.TrainPlan;

/** The networks shipped in data/, as the importer is given them, with their timetables and their own feeds. */
final class ShippedNetworks {
    static final String CHINA_LAOS = "china-laos";
    static final String VIENTIANE_BANGKOK = "vientiane-bangkok";

    /** One network folder read: what the import matches against, the planner, its timetable. */
    record Shipped(ImportNetwork network, Planner planner, List<TrainPlan> plans, Timetable timetable) {
        /** The network's own feed, as {@code GET /gtfs/{network}.zip} serves it, file by file. */
        SortedMap<String, String> feed() {
            return new GtfsExporter(network.coordinates(), network.operators())
                    .files(network.network(), timetable, Fixtures.feedInfo());
        }
    }

    private static final Map<String, Shipped> READ = new ConcurrentHashMap<>();

    private ShippedNetworks() {}

    static Shipped get(String folder) {
        return READ.computeIfAbsent(folder, ShippedNetworks::read);
    }

    /** Both shipped networks, as the command line hands them to the importer. */
    static List<ImportNetwork> both() {
        return List.of(get(CHINA_LAOS).network(), get(VIENTIANE_BANGKOK).network());
    }

    /** A network folder elsewhere than data/ (a test fixture), read as the shipped ones are. */
    static Shipped at(Path folder) {
        return READ.computeIfAbsent(folder.toString(), k -> read(folder, false));
    }

    private static Shipped read(String folder) {
        return read(Path.of("..", "data", folder), folder.equals(CHINA_LAOS));
    }

    private static Shipped read(Path folder, boolean home) {
        DataFiles files = name -> {
            try {
                return Files.readString(folder.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        ReferenceData data = ReferenceData.parse(files);
        Operators operators = Operators.parse(Operators.FILE, files.read(Operators.FILE), data.network());
        // the home network's stop positions ship with the module; another network's are in its folder
        StopCoordinates coordinates = home
                ? StopCoordinates.bundled()
                : StopCoordinates.parse("stop-coordinates.csv", files.read("stop-coordinates.csv"));
        Planner planner = new Planner(data.network(), data.rollingStock(), BlockingRules.defaults());
        List<TrainPlan> plans = TimetableFile.parse("timetable.csv", files.read("timetable.csv"));
        Timetable timetable = planner.timetable(plans, List.of());
        String usualType = timetable.trains().get(0).trainType();
        return new Shipped(
                new ImportNetwork(data.network().code(), data.network(), operators, coordinates, usualType),
                planner,
                plans,
                timetable);
    }
}
