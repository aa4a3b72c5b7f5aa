package org.lancang.timetable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lancang.data.CsvTable;
import org.lancang.data.DataFileException;
import org.lancang.network.Network;
import org.lancang.network.Point;

/**
 * Times from a published timetable, to hold Lancang's against: a CSV with one row per train and stop, in travel
 * order, {@code train,stop,minutes} (minutes from the train's departure at its first stop to its arrival at this
 * stop; 0 on the first row of a train), and optionally {@code train_type} (default CR200J) and {@code source}. A stop
 * is a point code or a point's English or Chinese name.
 */
public final class PublishedTimes {
    /** The type a published train is taken to be when the file does not say. */
    public static final String DEFAULT_TRAIN_TYPE = "CR200J";

    private static final List<String> COLUMNS = List.of("train", "stop", "minutes");

    /** A published train: its number, type and stops with their minutes. */
    public record Train(String number, String trainType, List<Stop> stops) {
        public Train {
            stops = List.copyOf(stops);
        }
    }

    /** A published stop: the point and the minutes from the departure at the first stop to the arrival here. */
    public record Stop(String point, double minutes) {}

    private PublishedTimes() {}

    /** Reads the file; every mistake names file, line and field. */
    public static List<Train> parse(String file, String text, Network network) {
        CsvTable table = CsvTable.parse(file, text, COLUMNS);
        Map<String, String> types = new LinkedHashMap<>();
        Map<String, List<Stop>> stops = new LinkedHashMap<>();
        Map<String, CsvTable.Row> lastRow = new LinkedHashMap<>();
        String current = null;
        for (CsvTable.Row row : table.rows()) {
            String train = row.required("train").toUpperCase(Locale.ROOT);
            if (!train.equals(current) && stops.containsKey(train)) {
                throw row.error("train", "the rows of " + train + " must follow one another");
            }
            current = train;
            Point point = point(row, network);
            double minutes = row.decimalBetween("minutes", 0, 7 * 24 * 60);
            List<Stop> list = stops.computeIfAbsent(train, k -> new ArrayList<>());
            if (list.isEmpty() && minutes != 0) {
                throw row.error("minutes", "the first stop of " + train + " is its departure: minutes must be 0");
            }
            if (!list.isEmpty() && !(minutes > list.get(list.size() - 1).minutes())) {
                throw row.error("minutes", minutes + " is not after the previous stop of " + train);
            }
            String type = row.textIfPresent("train_type");
            types.merge(train, type.isEmpty() ? DEFAULT_TRAIN_TYPE : type, (a, b) -> a);
            list.add(new Stop(point.code(), minutes));
            lastRow.put(train, row);
        }
        List<Train> trains = new ArrayList<>();
        for (Map.Entry<String, List<Stop>> e : stops.entrySet()) {
            if (e.getValue().size() < 2) {
                throw new DataFileException(
                        file,
                        lastRow.get(e.getKey()).line(),
                        "stop",
                        e.getKey() + " has a single stop: a published train needs two at least");
            }
            trains.add(new Train(e.getKey(), types.get(e.getKey()), e.getValue()));
        }
        return trains;
    }

    private static Point point(CsvTable.Row row, Network network) {
        String text = row.required("stop");
        return network.point(text)
                .or(() -> network.points().stream()
                        .filter(p -> p.names().en().equalsIgnoreCase(text)
                                || p.names().zh().equals(text))
                        .findFirst())
                .orElseThrow(() -> row.error("stop", "'" + text + "' is not a point of the line (code or name)"));
    }
}
