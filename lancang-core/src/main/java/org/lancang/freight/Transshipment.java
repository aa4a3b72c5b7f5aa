package org.lancang.freight;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.lancang.data.CsvTable;
import org.lancang.network.Network;

/**
 * A yard where boxes change trains across a break of gauge, seen from the network whose folder gives it
 * ({@value #FILE}, optional): its point here and the other network's point, how many tracks of each gauge it has,
 * how many of this network's wagons make a batch and how long a batch takes. The time a consignment spends there is
 * derived from these, not given: its boxes fill so many batches, and the yard works as many batches at once as it
 * has pairs of tracks, one of each gauge (a batch needs a train of each side standing beside each other).
 *
 * @param tracksHere    transshipment tracks of this network's gauge
 * @param tracksOther   transshipment tracks of the other network's gauge
 * @param batchWagons   this network's wagons handled as one batch
 * @param batchTime     how long one batch takes, placing and pulling included
 * @param boxesPerWagon boxes one of this network's wagons carries
 */
public record Transshipment(
        String network,
        String point,
        String otherNetwork,
        String otherPoint,
        int tracksHere,
        int tracksOther,
        int batchWagons,
        Duration batchTime,
        int boxesPerWagon,
        String source) {
    public static final String FILE = "freight-transshipments.csv";

    /** The batches {@code boxes} boxes fill. */
    public int batches(int boxes) {
        int wagons = (boxes + boxesPerWagon - 1) / boxesPerWagon;
        return (wagons + batchWagons - 1) / batchWagons;
    }

    /** Batches worked at the same time: one per pair of tracks, one of each gauge. */
    public int batchesAtOnce() {
        return Math.min(tracksHere, tracksOther);
    }

    /** How long {@code boxes} boxes take to cross the yard. */
    public Duration time(int boxes) {
        int rounds = (batches(boxes) + batchesAtOnce() - 1) / batchesAtOnce();
        return batchTime.multipliedBy(rounds);
    }

    /** The yards of {@value #FILE}; each point must be one of {@code network}'s. */
    public static List<Transshipment> parse(String text, Network network) {
        CsvTable table = CsvTable.parse(
                FILE,
                text,
                List.of(
                        "point",
                        "other_network",
                        "other_point",
                        "tracks_here",
                        "tracks_other",
                        "batch_wagons",
                        "batch_min",
                        "boxes_per_wagon",
                        "source"));
        List<Transshipment> out = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String point = row.required("point");
            if (network.point(point).isEmpty()) {
                throw row.error("point", "'" + point + "' is not a point of " + network.code());
            }
            out.add(new Transshipment(
                    network.code(),
                    point,
                    row.required("other_network"),
                    row.required("other_point"),
                    row.integerBetween("tracks_here", 1, 50),
                    row.integerBetween("tracks_other", 1, 50),
                    row.integerBetween("batch_wagons", 1, 200),
                    Duration.ofMinutes(row.integerBetween("batch_min", 1, 24 * 60)),
                    row.integerBetween("boxes_per_wagon", 1, 4),
                    row.required("source")));
        }
        return out;
    }
}
