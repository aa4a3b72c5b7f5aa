package org.lancang.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.lancang.data.DataFiles;
import org.lancang.store.reference.ClasspathDataFiles;

/**
 * A made-up network of many lines for the scale benchmark, written as the very data files a network folder has (one
 * folder per gauge: its lines in {@code lines.csv}, meeting at {@code junctions.csv}; the two gauges joined by
 * transshipments in {@code joins.csv}) so that it loads through the same parsers as the shipped
 * networks: "any line as data". The same seed and size give the same files byte for byte. Rolling stock is copied
 * verbatim (with its sources) from the shipped networks; every other figure is made up and says so.
 *
 * <p>Three templates: metre-gauge single track with passing loops and diesel trains (the SRT types), standard-gauge
 * single track with mixed traffic (CR200J, HXD3C + 25G, freight), and a double-track 160 km/h line with automatic
 * block (CR200J, the fastest type shipped). Lines of the two gauges meet at transshipment points.
 */
final class SyntheticNetwork {
    enum Template {
        METRE_SINGLE(1000, 1, 100, 100, "INTER_STATION", "none", 8, 15, 1.0),
        STANDARD_MIXED(1435, 1, 120, 120, "INTER_STATION", "25 kV 50 Hz AC", 10, 20, 1.5),
        HIGH_SPEED_DOUBLE(1435, 2, 160, 120, "AUTOMATIC", "25 kV 50 Hz AC", 25, 45, 5.0);

        final int gaugeMm;
        final int tracks;
        final int lineSpeed;
        final int locoSpeed;
        final String block;
        final String electrification;
        final int minSpacingKm;
        final int maxSpacingKm;
        /** Share of the day's trains a line of this template carries, relative to the others. */
        final double weight;

        Template(
                int gaugeMm,
                int tracks,
                int lineSpeed,
                int locoSpeed,
                String block,
                String electrification,
                int minSpacingKm,
                int maxSpacingKm,
                double weight) {
            this.gaugeMm = gaugeMm;
            this.tracks = tracks;
            this.lineSpeed = lineSpeed;
            this.locoSpeed = locoSpeed;
            this.block = block;
            this.electrification = electrification;
            this.minSpacingKm = minSpacingKm;
            this.maxSpacingKm = maxSpacingKm;
            this.weight = weight;
        }

        String rollingStockFrom() {
            return this == METRE_SINGLE ? "vientiane-bangkok" : ClasspathDataFiles.CHINA_LAOS;
        }

        /** Day trains (first), the overnight type, and the freight type ({@code null}: none on this template). */
        String dayType() {
            return this == METRE_SINGLE ? "SRT_RAPID" : "CR200J";
        }

        String nightType() {
            return this == METRE_SINGLE ? "SRT_SLEEPER" : "HXD3C_25G";
        }

        String freightType() {
            return switch (this) {
                case METRE_SINGLE -> "SRT_SHUTTLE";
                case STANDARD_MIXED -> "FREIGHT";
                case HIGH_SPEED_DOUBLE -> null;
            };
        }
    }

    /**
     * One line: its code, template, its points in km order (a branch's junction, a point of its parent line, first or
     * last), which of them passenger trains call at, its border (or -1), its junction's place on it (or -1 for the
     * first line of a gauge) and its parent line (or {@code null}).
     */
    record Line(
            String code,
            Template template,
            List<String> points,
            List<Boolean> calls,
            int borderIndex,
            int junctionIndex,
            Line parent,
            int home,
            int away,
            long kmSeed) {
        boolean gaugeIsMetre() {
            return template.gaugeMm == 1000;
        }

        /** The country of the point at {@code p}: the home side is the junction's (the low-km side on a first line). */
        int countryAt(int p) {
            if (borderIndex < 0) {
                return home;
            }
            boolean homeIsLow = junctionIndex <= 0;
            boolean low = p < borderIndex;
            return low == homeIsLow ? home : away;
        }

        boolean control(int p) {
            return borderIndex >= 0 && Math.abs(p - borderIndex) == 1;
        }

        String folder() {
            return gaugeIsMetre() ? METRE_FOLDER : STANDARD_FOLDER;
        }
    }

    /** The network of one gauge's lines (its folder), and the network of the other gauge's. */
    static final String METRE_FOLDER = "syn-metre";

    static final String STANDARD_FOLDER = "syn-standard";

    /** The share of a branch's passenger trains that run through its junction onto its parent line. */
    private static final double THROUGH_SHARE = 0.3;

    private static final String MADE_UP = "made up: synthetic benchmark network (lancang bench network)";
    private static final List<String> ZONES =
            List.of("Asia/Bangkok", "Asia/Shanghai", "Asia/Yangon", "Asia/Kolkata", "Asia/Kathmandu");
    private static final String[] ROLLING_STOCK = {"train-types.csv", "traction-curves.csv", "cars.csv"};

    private final long seed;
    private final List<Line> lines;
    private final SortedMap<String, SortedMap<String, String>> folders;

    private SyntheticNetwork(long seed, List<Line> lines, SortedMap<String, SortedMap<String, String>> folders) {
        this.seed = seed;
        this.lines = List.copyOf(lines);
        this.folders = Collections.unmodifiableSortedMap(folders);
    }

    long seed() {
        return seed;
    }

    List<Line> lines() {
        return lines;
    }

    /** The files of each gauge's folder, by network code, then file name. */
    SortedMap<String, SortedMap<String, String>> folders() {
        return folders;
    }

    /** A gauge's folder as the parsers read one. */
    DataFiles files(String code) {
        Map<String, String> folder = folders.get(code);
        return name -> {
            String text = folder.get(name);
            if (text == null) {
                throw new IllegalStateException("synthetic network " + code + " has no file " + name);
            }
            return text;
        };
    }

    /** Writes every folder under {@code root} (one sub-folder per gauge), for a look or for {@code lancang serve}. */
    void writeTo(Path root) throws IOException {
        for (Map.Entry<String, SortedMap<String, String>> folder : folders.entrySet()) {
            Path dir = Files.createDirectories(root.resolve(folder.getKey()));
            for (Map.Entry<String, String> file : folder.getValue().entrySet()) {
                Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
        }
    }

    /**
     * About {@code trains} trains a day over {@code lineCount} lines and 3–5 countries (the seed chooses), lines of the
     * three templates in turn, every fifth line crossing a border. The lines of one gauge are one network (one folder
     * with {@code lines.csv} and {@code junctions.csv}): each line after a gauge's first branches off an earlier line
     * of its gauge at one of its stations, its km rising away from the junction or towards it (the seed chooses). The
     * two gauges meet at transshipment points ({@code joins.csv}).
     */
    static SyntheticNetwork generate(long seed, int trains, int lineCount) {
        if (trains < lineCount || lineCount < 3) {
            throw new IllegalArgumentException("need at least 3 lines and one train per line");
        }
        Random random = new Random(seed);
        int countries = 3 + random.nextInt(3);
        Template[] templates = Template.values();
        List<Line> lines = new ArrayList<>();
        Set<String> junctions = new HashSet<>();
        for (int i = 0; i < lineCount; i++) {
            Template template = templates[i % templates.length];
            List<Line> sameGauge = lines.stream()
                    .filter(l -> l.template().gaugeMm == template.gaugeMm)
                    .toList();
            Line parent = sameGauge.isEmpty() ? null : sameGauge.get((sameGauge.size() - 1) / 2);
            lines.add(line(i, template, i % 5 == 4, parent, countries, junctions, random));
        }
        double totalWeight =
                lines.stream().mapToDouble(l -> l.template().weight).sum();
        int[] counts = new int[lines.size()];
        int given = 0;
        for (int i = 0; i < lines.size(); i++) {
            int count = i == lines.size() - 1
                    ? trains - given
                    : Math.max(1, (int) Math.round(trains * lines.get(i).template().weight / totalWeight));
            counts[i] = Math.max(1, Math.min(count, trains - given - (lines.size() - 1 - i)));
            given += counts[i];
        }
        SortedMap<String, SortedMap<String, String>> folders = new TreeMap<>();
        for (String folder : List.of(METRE_FOLDER, STANDARD_FOLDER)) {
            List<Line> own =
                    lines.stream().filter(l -> l.folder().equals(folder)).toList();
            Line first = own.get(0);
            SortedMap<String, String> files = new TreeMap<>();
            files.put("network.csv", networkFile(folder, first));
            files.put("countries.csv", countriesFile(countries));
            files.put("operators.csv", operatorsFile(countries));
            files.put("lines.csv", linesFile(own));
            files.put("junctions.csv", junctionsFile(own));
            files.put("borders.csv", bordersFile(own));
            files.put("points.csv", pointsFile(own, random));
            files.put("assumed-loops.csv", pointsHeader());
            files.put("sections.csv", sectionsFile(own, random));
            files.put(
                    "structures.csv",
                    "name_en,name_zh,name_lo,kind,km_from,km_to,length_m,country,km_quality,source\n");
            StringBuilder timetable = new StringBuilder(TIMETABLE_HEADER);
            for (Line line : own) {
                timetable.append(timetableRows(line, counts[lines.indexOf(line)], random));
            }
            files.put("timetable.csv", timetable.toString());
            files.put("joins.csv", joinsFile(lines, folder));
            files.put("stop-coordinates.csv", coordinatesFile(own, lines));
            String from = first.template().rollingStockFrom();
            for (String name : ROLLING_STOCK) {
                files.put(name, new ClasspathDataFiles(from).read(name));
            }
            folders.put(folder, files);
        }
        return new SyntheticNetwork(seed, lines, folders);
    }

    private static Line line(
            int index,
            Template template,
            boolean border,
            Line parent,
            int countries,
            Set<String> junctions,
            Random random) {
        int count = 20 + random.nextInt(21);
        int junctionIndex = parent == null ? -1 : random.nextBoolean() ? 0 : count - 1;
        int at = parent == null ? -1 : junctionOn(parent, junctions, random);
        int home = parent == null ? (template.gaugeMm == 1000 ? 0 : 1) : parent.countryAt(at);
        String junction = parent == null ? null : parent.points().get(at);
        junctions.add(junction);
        List<String> points = new ArrayList<>();
        List<Boolean> calls = new ArrayList<>();
        int borderIndex = border ? count / 2 : -1;
        for (int p = 0; p < count; p++) {
            if (p == junctionIndex) {
                points.add(junction);
                calls.add(true);
            } else if (p == borderIndex) {
                points.add(String.format(Locale.ROOT, "S%02dX", index));
                calls.add(false);
            } else {
                points.add(String.format(Locale.ROOT, "S%02dP%02d", index, p));
                boolean end = p == 0 || p == count - 1;
                boolean control = border && Math.abs(p - borderIndex) == 1;
                calls.add(end || control || template == Template.HIGH_SPEED_DOUBLE || p % 3 == 0);
            }
        }
        return new Line(
                String.format(Locale.ROOT, "L%02d", index),
                template,
                points,
                calls,
                borderIndex,
                junctionIndex,
                parent,
                home,
                (home + 1) % countries,
                random.nextLong());
    }

    /**
     * Where a branch leaves its parent: a station of the parent's own (not its ends, not its junction, not a border or
     * control point, not already a junction), so that a junction lies on two lines exactly.
     */
    private static int junctionOn(Line parent, Set<String> junctions, Random random) {
        List<Integer> candidates = new ArrayList<>();
        for (int p = 1; p + 1 < parent.points().size(); p++) {
            if (parent.calls().get(p)
                    && p != parent.borderIndex()
                    && !parent.control(p)
                    && !junctions.contains(parent.points().get(p))) {
                candidates.add(p);
            }
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("line " + parent.code() + " has no station left for a junction");
        }
        return candidates.get(random.nextInt(candidates.size()));
    }

    private static String country(int index) {
        return "S" + (char) ('A' + index);
    }

    private static String networkFile(String folder, Line first) {
        String zone = ZONES.get(first.home());
        return "code,name_en,name_zh,name_lo,service_zone,feed_zone,source\n" + folder + ",Synthetic "
                + (first.gaugeIsMetre() ? "metre" : "standard") + "-gauge network,,," + zone + "," + zone + ","
                + MADE_UP + "\n";
    }

    private static String linesFile(List<Line> own) {
        StringBuilder out = new StringBuilder("code,name_en,name_zh,name_lo,rising_en,falling_en,source\n");
        for (Line line : own) {
            String towards = line.junctionIndex() < 0
                    ? ""
                    : line.junctionIndex() == 0 ? " (away from the junction)" : " (towards the junction)";
            out.append(line.code())
                    .append(",Synthetic line ")
                    .append(line.code())
                    .append(" (")
                    .append(line.template().name().toLowerCase(Locale.ROOT))
                    .append("),,,rising km")
                    .append(towards)
                    .append(",falling km,")
                    .append(MADE_UP)
                    .append('\n');
        }
        return out.toString();
    }

    /** Each branch's junction: a point of its parent line, and its km on the branch. */
    private static String junctionsFile(List<Line> own) {
        StringBuilder out = new StringBuilder("point,line,km,km_quality,source\n");
        for (Line line : own) {
            if (line.junctionIndex() >= 0) {
                out.append(line.points().get(line.junctionIndex()))
                        .append(',')
                        .append(line.code())
                        .append(',')
                        .append(kms(line).get(line.junctionIndex()))
                        .append(",derived,")
                        .append(MADE_UP)
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static String countriesFile(int countries) {
        StringBuilder out = new StringBuilder(
                "code,name_en,name_zh,name_lo,time_zone,time_name_en,time_name_zh,time_name_lo,infrastructure_manager,source\n");
        for (int c = 0; c < countries; c++) {
            out.append(country(c))
                    .append(",Synthland ")
                    .append((char) ('A' + c))
                    .append(",,,")
                    .append(ZONES.get(c))
                    .append(",,,,")
                    .append(country(c))
                    .append("_RAIL,")
                    .append(MADE_UP)
                    .append('\n');
        }
        return out.toString();
    }

    private static String operatorsFile(int countries) {
        StringBuilder out =
                new StringBuilder("code,name_en,name_zh,name_lo,url,runs_trains_in,sales_days_ahead,source\n");
        List<String> all = new ArrayList<>();
        for (int c = 0; c < countries; c++) {
            all.add(country(c));
        }
        for (int c = 0; c < countries; c++) {
            out.append(country(c))
                    .append("_RAIL,Synthland ")
                    .append((char) ('A' + c))
                    .append(" Railways,,,https://example.org/")
                    .append(country(c).toLowerCase(Locale.ROOT))
                    .append(',')
                    .append(String.join(";", all))
                    .append(",30,")
                    .append(MADE_UP)
                    .append('\n');
        }
        return out.toString();
    }

    /** The border of each line that has one, the countries named in km order (before = the lower km). */
    private static String bordersFile(List<Line> own) {
        StringBuilder out = new StringBuilder(
                "point,before_country,before_control,after_country,after_control,before_fare_end,after_fare_start,source\n");
        for (Line line : own) {
            int b = line.borderIndex();
            if (b < 0) {
                continue;
            }
            String point = line.points().get(b);
            out.append(point)
                    .append(',')
                    .append(country(line.countryAt(b - 1)))
                    .append(',')
                    .append(line.points().get(b - 1))
                    .append(',')
                    .append(country(line.countryAt(b + 1)))
                    .append(',')
                    .append(line.points().get(b + 1))
                    .append(',')
                    .append(point)
                    .append(',')
                    .append(point)
                    .append(',')
                    .append(MADE_UP)
                    .append('\n');
        }
        return out.toString();
    }

    private static String pointsHeader() {
        return "code,name_en,name_zh,name_lo,country,km,km_quality,kind,time_zone,station_tracks,useful_length_m,"
                + "tracks_basis,elevation_m,elevation_basis,usual_dwell_min,border_first_dwell_min,"
                + "border_second_dwell_min,dwell_basis,source\n";
    }

    /**
     * A line's chainage, from its first point: made-up spacing from the template's range, 2 km either side of a border.
     * Drawn from the line's own seed (itself drawn from the network's), so that the junctions and points files agree.
     */
    private static List<Integer> kms(Line line) {
        Random random = new Random(line.kmSeed());
        Template t = line.template();
        List<Integer> kms = new ArrayList<>();
        int km = 0;
        for (int p = 0; p < line.points().size(); p++) {
            if (p > 0) {
                km += p == line.borderIndex() || p == line.borderIndex() + 1
                        ? 2
                        : t.minSpacingKm + random.nextInt(t.maxSpacingKm - t.minSpacingKm + 1);
            }
            kms.add(km);
        }
        return kms;
    }

    /** Every line's own points (a branch's junction is its parent's row), line after line, each in km order. */
    private static String pointsFile(List<Line> own, Random random) {
        StringBuilder out = new StringBuilder(pointsHeader().replace(",source\n", ",source,line\n"));
        Set<String> junctions = new HashSet<>();
        own.stream()
                .filter(l -> l.junctionIndex() >= 0)
                .forEach(l -> junctions.add(l.points().get(l.junctionIndex())));
        for (Line line : own) {
            List<Integer> kms = kms(line);
            for (int p = 0; p < line.points().size(); p++) {
                if (p == line.junctionIndex()) {
                    continue;
                }
                String code = line.points().get(p);
                boolean borderPoint = p == line.borderIndex();
                int c = line.countryAt(p);
                String countryField = borderPoint
                        ? country(line.countryAt(p - 1)) + "/" + country(line.countryAt(p + 1))
                        : country(c);
                boolean end = p == 0 || p == line.points().size() - 1;
                String kind = borderPoint ? "BORDER" : line.calls().get(p) ? "PASSENGER" : "PASSING_LOOP";
                // a junction has two station tracks for the trains of every line that meets there: conflicts to find
                int tracks = borderPoint
                        ? 0
                        : junctions.contains(code) ? 2 : end ? 6 : line.calls().get(p) ? 4 : 2;
                String dwell = line.control(p)
                        ? "2,10,10,border formalities (made up)"
                        : line.calls().get(p) && !end ? "2,,,made up" : ",,,no usual dwell (made up)";
                out.append(code)
                        .append(",Synthetic ")
                        .append(code)
                        .append(",,,")
                        .append(countryField)
                        .append(',')
                        .append(kms.get(p))
                        .append(',')
                        .append(p == 0 ? "origin" : "derived")
                        .append(',')
                        .append(kind)
                        .append(',')
                        .append(ZONES.get(borderPoint ? line.countryAt(p - 1) : c))
                        .append(',')
                        .append(tracks)
                        .append(',')
                        .append(borderPoint ? 0 : 750)
                        .append(",made up,")
                        .append(100 + random.nextInt(400))
                        .append(",made up,")
                        .append(dwell)
                        .append(',')
                        .append(MADE_UP)
                        .append(',')
                        .append(line.code())
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static String sectionsFile(List<Line> own, Random random) {
        StringBuilder out = new StringBuilder(
                "from,to,tracks,line_speed_kmh,loco_hauled_speed_kmh,block,gradient_permille,gradient_basis,"
                        + "speed_limit_kmh,speed_limit_basis,source,gauge_mm,electrification,power_basis,line\n");
        for (Line line : own) {
            Template t = line.template();
            for (int p = 0; p + 1 < line.points().size(); p++) {
                double gradient = (random.nextInt(241) - 120) / 10.0;
                out.append(line.points().get(p))
                        .append(',')
                        .append(line.points().get(p + 1))
                        .append(',')
                        .append(t.tracks)
                        .append(',')
                        .append(t.lineSpeed)
                        .append(',')
                        .append(t.locoSpeed)
                        .append(',')
                        .append(t.block)
                        .append(',')
                        .append(String.format(Locale.ROOT, "%.1f", gradient))
                        .append(",made up,,none,")
                        .append(MADE_UP)
                        .append(',')
                        .append(t.gaugeMm)
                        .append(',')
                        .append(t.electrification)
                        .append(",made up,")
                        .append(line.code())
                        .append('\n');
            }
        }
        return out.toString();
    }

    private static final String TIMETABLE_HEADER = "number,operator,train_type,passenger,days,valid_from,valid_to,"
            + "from,to,departure,fixed_departure,stops,meets,allowance_percent,note,via\n";

    /** A place on a line: the line and the index of the point on it. */
    private record Place(Line line, int index) {
        String code() {
            return line.points().get(index);
        }
    }

    /**
     * The line's trains: day trains at any hour, overnight trains leaving in the evening over the whole line (arriving
     * the next day), freight where the template has it; origins and destinations among the stations passenger trains
     * call at, so some trains run part of the line. On a branch, about a quarter of the passenger trains run through
     * the junction to or from a station of the parent line ({@code via} the junction).
     */
    private static String timetableRows(Line line, int count, Random random) {
        StringBuilder out = new StringBuilder();
        Template t = line.template();
        String lineNumber = line.code().substring(1);
        for (int n = 0; n < count; n++) {
            int kind = random.nextInt(10);
            boolean night = kind == 0;
            boolean freight = !night && t.freightType() != null && kind >= 6;
            boolean through = !freight && line.parent() != null && random.nextDouble() < THROUGH_SHARE;
            List<Place> route = through ? throughRoute(line, night, random) : ownRoute(line, night, random);
            if (random.nextBoolean()) {
                route = new ArrayList<>(route);
                Collections.reverse(route);
            }
            // from 02:00: a train starting across a border, on another zone's clock, must still fall in the service day
            int minute = night ? 19 * 60 + random.nextInt(5 * 60) : 2 * 60 + random.nextInt(22 * 60);
            List<String> stops = new ArrayList<>();
            for (Place place : route.subList(1, route.size() - 1)) {
                if (place.line().control(place.index())) {
                    stops.add(place.code() + " 20");
                } else if (!freight && place.line().calls().get(place.index())) {
                    stops.add(place.code() + " 2");
                }
            }
            String type = night ? t.nightType() : freight ? t.freightType() : t.dayType();
            out.append(String.format(Locale.ROOT, "S%s%04d", lineNumber, n))
                    .append(',')
                    .append(country(line.home()))
                    .append("_RAIL,")
                    .append(type)
                    .append(',')
                    .append(!freight)
                    .append(",daily,2026-01-01,2027-12-31,")
                    .append(route.get(0).code())
                    .append(',')
                    .append(route.get(route.size() - 1).code())
                    .append(',')
                    .append(String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60))
                    .append(",true,")
                    .append(String.join("; ", stops))
                    .append(",,5.0,")
                    .append(night ? "overnight; " : "")
                    .append(through ? "through the junction; " : "")
                    .append(MADE_UP)
                    .append(',')
                    .append(through ? line.points().get(line.junctionIndex()) : "")
                    .append('\n');
        }
        return out.toString();
    }

    /** On the line alone: over the whole line (overnight trains, and half the others) or between two of its stations. */
    private static List<Place> ownRoute(Line line, boolean night, Random random) {
        int a;
        int b;
        if (night || random.nextBoolean()) {
            a = 0;
            b = line.points().size() - 1;
        } else {
            List<Integer> stations = stations(line);
            int i = random.nextInt(stations.size() - 2);
            int j = i + 2 + random.nextInt(stations.size() - i - 2);
            a = stations.get(i);
            b = stations.get(j);
        }
        List<Place> route = new ArrayList<>();
        for (int p = a; p <= b; p++) {
            route.add(new Place(line, p));
        }
        return route;
    }

    /**
     * From a station of the parent line (an end of it for an overnight train) through the junction to a station of the
     * branch (its far end for an overnight train), in that order.
     */
    private static List<Place> throughRoute(Line line, boolean night, Random random) {
        Line parent = line.parent();
        int junctionOnParent = parent.points().indexOf(line.points().get(line.junctionIndex()));
        List<Integer> parentStations = new ArrayList<>(stations(parent));
        parentStations.remove(Integer.valueOf(junctionOnParent));
        int a = night
                ? (junctionOnParent > parent.points().size() / 2
                        ? 0
                        : parent.points().size() - 1)
                : parentStations.get(random.nextInt(parentStations.size()));
        List<Integer> branchStations = new ArrayList<>(stations(line));
        branchStations.remove(Integer.valueOf(line.junctionIndex()));
        int farEnd = line.junctionIndex() == 0 ? line.points().size() - 1 : 0;
        int b = night ? farEnd : branchStations.get(random.nextInt(branchStations.size()));
        List<Place> route = new ArrayList<>();
        int step = a < junctionOnParent ? 1 : -1;
        for (int p = a; p != junctionOnParent; p += step) {
            route.add(new Place(parent, p));
        }
        step = b > line.junctionIndex() ? 1 : -1;
        for (int p = line.junctionIndex(); p != b + step; p += step) {
            route.add(new Place(line, p));
        }
        return route;
    }

    private static List<Integer> stations(Line line) {
        List<Integer> stations = new ArrayList<>();
        for (int p = 0; p < line.points().size(); p++) {
            if (line.calls().get(p)) {
                stations.add(p);
            }
        }
        return stations;
    }

    /**
     * Where the two gauges meet: each line whose place in a binary tree of all lines has a parent of the other gauge
     * gets a transshipment from its first own station to that line's, in the folder of the line's gauge.
     */
    private static String joinsFile(List<Line> lines, String folder) {
        StringBuilder out = new StringBuilder(
                "kind,point,other_network,other_point,mode,minimum_connection_min,distance_km,source\n");
        for (int i = 1; i < lines.size(); i++) {
            Line line = lines.get(i);
            Line other = lines.get((i - 1) / 2);
            if (!line.folder().equals(folder) || other.folder().equals(folder)) {
                continue;
            }
            out.append("FREIGHT,")
                    .append(ownStation(line))
                    .append(',')
                    .append(other.folder())
                    .append(',')
                    .append(ownStation(other))
                    .append(",TRANSSHIPMENT,180,0.5,")
                    .append(MADE_UP)
                    .append('\n');
        }
        return out.toString();
    }

    /** A line's own end (not its junction): where a transshipment join is put. */
    private static String ownStation(Line line) {
        return line.points().get(line.junctionIndex() == 0 ? line.points().size() - 1 : 0);
    }

    /** Made-up positions (GTFS needs one per stop): each line runs east along its own parallel. */
    private static String coordinatesFile(List<Line> own, List<Line> lines) {
        StringBuilder out = new StringBuilder("code,lat,lon,source\n");
        for (Line line : own) {
            int index = lines.indexOf(line);
            for (int p = 0; p < line.points().size(); p++) {
                if (p == line.junctionIndex()) {
                    continue;
                }
                out.append(line.points().get(p))
                        .append(',')
                        .append(String.format(Locale.ROOT, "%.4f,%.4f", 10 + index * 0.25, 100 + p * 0.1))
                        .append(',')
                        .append(MADE_UP)
                        .append('\n');
            }
        }
        return out.toString();
    }
}
