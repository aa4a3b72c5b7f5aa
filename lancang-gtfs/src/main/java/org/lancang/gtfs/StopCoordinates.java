package org.lancang.gtfs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.lancang.data.CsvTable;

/**
 * Latitude and longitude of stations. GTFS requires them for every stop, but the network model has none, so the
 * module ships a small table ({@value #RESOURCE}: {@code code,lat,lon,source}) of approximate coordinates for the
 * passenger stations of the China–Laos Railway. Every row says where its figure comes from; today all are estimates.
 */
public final class StopCoordinates {
    /** The bundled table, on the class path. */
    public static final String RESOURCE = "/org/lancang/gtfs/stop-coordinates.csv";

    /** A position in WGS 84 degrees and where it comes from. */
    public record Coordinate(double lat, double lon, String source) {
        public Coordinate {
            if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
                throw new IllegalArgumentException("(" + lat + ", " + lon + ") is not a latitude/longitude");
            }
        }
    }

    private final Map<String, Coordinate> byCode;

    private StopCoordinates(Map<String, Coordinate> byCode) {
        this.byCode = Map.copyOf(byCode);
    }

    /** The table shipped with the module. */
    public static StopCoordinates bundled() {
        try (InputStream in = StopCoordinates.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the class path");
            }
            return parse("stop-coordinates.csv", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a table in the same form as the bundled one (for another network or a corrected table). */
    public static StopCoordinates parse(String fileName, String text) {
        return GtfsFormatException.reading(() -> read(fileName, text));
    }

    private static StopCoordinates read(String fileName, String text) {
        Map<String, Coordinate> map = new TreeMap<>();
        for (CsvTable.Row row : CsvTable.parse(fileName, text, List.of("code", "lat", "lon", "source"))
                .rows()) {
            String code = row.required("code").toUpperCase(Locale.ROOT);
            double lat = number(row, "lat", 90);
            double lon = number(row, "lon", 180);
            if (map.put(code, new Coordinate(lat, lon, row.required("source"))) != null) {
                throw row.error("code", "'" + code + "' appears twice");
            }
        }
        return new StopCoordinates(map);
    }

    public Optional<Coordinate> of(String pointCode) {
        return Optional.ofNullable(byCode.get(pointCode.strip().toUpperCase(Locale.ROOT)));
    }

    /** Every code with a coordinate, sorted. */
    public List<String> codes() {
        return byCode.keySet().stream().sorted().toList();
    }

    private static double number(CsvTable.Row row, String column, double bound) {
        String text = row.required(column);
        try {
            double d = Double.parseDouble(text);
            if (!(Math.abs(d) <= bound)) {
                throw row.error(column, text + " is outside ±" + bound);
            }
            return d;
        } catch (NumberFormatException e) {
            throw row.error(column, "'" + text + "' is not a number");
        }
    }
}
