package org.lancang.gtfs;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.lancang.data.CsvTable;
import org.lancang.network.Names;
import org.lancang.network.Point;

/**
 * Finds the network point a third party's stop stands for, in this order: its {@code stop_id} is the point's code, its
 * {@code stop_code} is, its {@code stop_name} is one of the point's names in any language (see {@link #normalise}), or
 * its position is within {@value #MAX_DISTANCE_KM} km of the point's (the nearest). The distance is that of the
 * network's own stop positions, which are estimates good to about ±1–3 km; two stations of a line are further apart.
 */
final class StopMatcher {
    /** How far a stop may stand from a point's position and still be that point. */
    static final double MAX_DISTANCE_KM = 3.0;

    private static final double EARTH_RADIUS_KM = 6371.0;

    /**
     * Words that say "station" and are no part of the name: "Vientiane Railway Station" is Vientiane. Longest first,
     * so that "railway station" goes before "station" could leave "railway".
     */
    private static final List<String> STATION_WORDS =
            List.of("railway station", "train station", "station", "火车站", "站", "ສະຖານີ", "สถานี", "railway");

    /** A stop matched, and how (for the planner to check). */
    record Match(Point point, String how) {}

    private final ImportNetwork network;
    private final Map<String, Set<Point>> byName = new HashMap<>();

    StopMatcher(ImportNetwork network) {
        this.network = network;
        for (Point p : network.network().points()) {
            names(p.names())
                    .forEach(n -> byName.computeIfAbsent(normalise(n), k -> new LinkedHashSet<>())
                            .add(p));
        }
        byName.remove("");
    }

    /** Every name of a point; "Phon Hong (Phonhong)" also as "Phon Hong" and "Phonhong", each spelling alone. */
    private static Stream<String> names(Names names) {
        return Stream.concat(
                        Stream.of(names.en(), names.zh(), names.lo(), names.pinyin()), names.more().values().stream())
                .flatMap(n -> n.matches(".*\\(.+\\).*")
                        ? Stream.of(n, n.replaceAll("\\(.*\\)", ""), n.replaceAll(".*\\((.+)\\).*", "$1"))
                        : Stream.of(n));
    }

    /**
     * A name as compared: Unicode-normalised, lower case, the word "station" in any of the network's languages taken off
     * either end, and spaces and punctuation removed ("Luang-Prabang Station" is "luangprabang").
     */
    static String normalise(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .strip();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String word : STATION_WORDS) {
                if (s.length() > word.length() && s.endsWith(word)) {
                    s = s.substring(0, s.length() - word.length()).strip();
                    changed = true;
                } else if (s.length() > word.length() && s.startsWith(word)) {
                    s = s.substring(word.length()).strip();
                    changed = true;
                }
            }
        }
        return fold(s);
    }

    /** Lower case, Unicode-normalised, without spaces and punctuation: how agency and stop names are compared. */
    static String fold(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{M}\\p{N}]", "");
    }

    /** The point of one stops.txt row by its own fields (not its parent station's), or empty. */
    Optional<Match> match(CsvTable.Row row) {
        String id = row.textIfPresent("stop_id");
        Optional<Point> byId = network.network().point(id);
        if (!id.isEmpty() && byId.isPresent()) {
            return Optional.of(new Match(byId.get(), "stop_id"));
        }
        String code = row.textIfPresent("stop_code");
        if (!code.isEmpty() && network.network().point(code).isPresent()) {
            return Optional.of(new Match(network.network().point(code).get(), "stop_code"));
        }
        String name = row.textIfPresent("stop_name");
        Set<Point> named = byName.getOrDefault(normalise(name), Set.of());
        if (named.size() == 1) {
            return Optional.of(new Match(named.iterator().next(), "name '" + name + "'"));
        }
        return position(row).flatMap(this::nearest);
    }

    /** The point nearest a stop's position within {@link #MAX_DISTANCE_KM}, with the distance said. */
    private Optional<Match> nearest(double[] latLon) {
        Point best = null;
        double bestKm = Double.MAX_VALUE;
        for (Point p : network.network().points()) {
            Optional<StopCoordinates.Coordinate> c = network.coordinates().of(p.code());
            if (c.isPresent()) {
                double km =
                        distanceKm(latLon[0], latLon[1], c.get().lat(), c.get().lon());
                if (km < bestKm) {
                    best = p;
                    bestKm = km;
                }
            }
        }
        if (best == null || bestKm > MAX_DISTANCE_KM) {
            return Optional.empty();
        }
        return Optional.of(new Match(best, String.format(Locale.ROOT, "position, %.1f km away", bestKm)));
    }

    /** The row's stop_lat/stop_lon, when both are numbers in range. */
    private static Optional<double[]> position(CsvTable.Row row) {
        try {
            double lat = Double.parseDouble(row.textIfPresent("stop_lat"));
            double lon = Double.parseDouble(row.textIfPresent("stop_lon"));
            return Math.abs(lat) <= 90 && Math.abs(lon) <= 180
                    ? Optional.of(new double[] {lat, lon})
                    : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The three points whose names are closest to {@code name} (edit distance of the normalised names). */
    List<String> nearestNames(String name) {
        String wanted = normalise(name);
        List<Map.Entry<Point, Integer>> scored = new ArrayList<>();
        for (Point p : network.network().points()) {
            int best = names(p.names())
                    .filter(n -> !n.isBlank())
                    .mapToInt(n -> editDistance(wanted, normalise(n)))
                    .min()
                    .orElse(Integer.MAX_VALUE);
            scored.add(Map.entry(p, best));
        }
        return scored.stream()
                .sorted(Map.Entry.<Point, Integer>comparingByValue()
                        .thenComparing(e -> e.getKey().km()))
                .limit(3)
                .map(e -> e.getKey().names().en() + " (" + e.getKey().code() + ")")
                .toList();
    }

    static double distanceKm(double lat1, double lon1, double lat2, double lon2) {
        double dLat = Math.toRadians(lat2 - lat1);
        double dLon = Math.toRadians(lon2 - lon1);
        double a = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
