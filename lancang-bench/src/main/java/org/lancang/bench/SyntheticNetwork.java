package org.lancang.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import org.lancang.data.DataFiles;
import org.lancang.store.reference.ClasspathDataFiles;

/**
 * A made-up network of many lines for the scale benchmark, written as the very data files a network folder has (one
 * folder per line, lines joined by {@code joins.csv}) so that it loads through the same parsers as the shipped
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

    /** One line: its code, template, its points in km order, and which of them passenger trains call at. */
    record Line(String code, Template template, List<String> points, List<Boolean> calls, int borderIndex) {}

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

    /** The files of every line's folder, by line code, then file name. */
    SortedMap<String, SortedMap<String, String>> folders() {
        return folders;
    }

    /** The line's folder as the parsers read one. */
    DataFiles files(String line) {
        Map<String, String> folder = folders.get(line);
        return name -> {
            String text = folder.get(name);
            if (text == null) {
                throw new IllegalStateException("synthetic line " + line + " has no file " + name);
            }
            return text;
        };
    }

    /** Writes every folder under {@code root} (one sub-folder per line), for a look or for {@code lancang serve}. */
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
     * three templates in turn, every fifth line crossing a border.
     */
    static SyntheticNetwork generate(long seed, int trains, int lineCount) {
        if (trains < lineCount || lineCount < 3) {
            throw new IllegalArgumentException("need at least 3 lines and one train per line");
        }
        Random random = new Random(seed);
        int countries = 3 + random.nextInt(3);
        Template[] templates = Template.values();
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> countryOf = new TreeMap<>();
        for (int i = 0; i < lineCount; i++) {
            Template template = templates[i % templates.length];
            boolean border = i % 5 == 4;
            lines.add(line(i, template, border, random));
            countryOf.put(lines.get(i).code(), i % countries);
        }
        double totalWeight =
                lines.stream().mapToDouble(l -> l.template().weight).sum();
        SortedMap<String, SortedMap<String, String>> folders = new TreeMap<>();
        Map<String, String> rollingStock = new TreeMap<>();
        int given = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            int count = i == lines.size() - 1
                    ? trains - given
                    : Math.max(1, (int) Math.round(trains * line.template().weight / totalWeight));
            count = Math.max(1, Math.min(count, trains - given - (lines.size() - 1 - i)));
            given += count;
            int home = countryOf.get(line.code());
            int away = line.borderIndex() < 0 ? home : (home + 1) % countries;
            SortedMap<String, String> files = new TreeMap<>();
            files.put("network.csv", networkFile(line, home));
            files.put("countries.csv", countriesFile(countries));
            files.put("operators.csv", operatorsFile(countries));
            files.put("borders.csv", bordersFile(line, home, away));
            files.put("points.csv", pointsFile(line, home, away, random));
            files.put("assumed-loops.csv", pointsHeader());
            files.put("sections.csv", sectionsFile(line, random));
            files.put(
                    "structures.csv",
                    "name_en,name_zh,name_lo,kind,km_from,km_to,length_m,country,km_quality,source\n");
            files.put("timetable.csv", timetableFile(line, count, home, random));
            files.put("joins.csv", joinsFile(lines, i));
            files.put("stop-coordinates.csv", coordinatesFile(line, i));
            for (String name : ROLLING_STOCK) {
                String key = line.template().rollingStockFrom() + "/" + name;
                files.put(
                        name,
                        rollingStock.computeIfAbsent(
                                key, k -> new ClasspathDataFiles(line.template().rollingStockFrom()).read(name)));
            }
            folders.put(line.code(), files);
        }
        return new SyntheticNetwork(seed, lines, folders);
    }

    private static Line line(int index, Template template, boolean border, Random random) {
        int count = 20 + random.nextInt(21);
        List<String> points = new ArrayList<>();
        List<Boolean> calls = new ArrayList<>();
        int borderIndex = border ? count / 2 : -1;
        for (int p = 0; p < count; p++) {
            boolean end = p == 0 || p == count - 1;
            if (p == borderIndex) {
                points.add(String.format(Locale.ROOT, "S%02dX", index));
                calls.add(false);
                continue;
            }
            points.add(String.format(Locale.ROOT, "S%02dP%02d", index, p));
            boolean control = border && Math.abs(p - borderIndex) == 1;
            calls.add(end || control || template == Template.HIGH_SPEED_DOUBLE || p % 3 == 0);
        }
        return new Line(String.format(Locale.ROOT, "syn-%02d", index), template, points, calls, borderIndex);
    }

    private static String country(int index) {
        return "S" + (char) ('A' + index);
    }

    private static String networkFile(Line line, int home) {
        return "code,name_en,name_zh,name_lo,service_zone,feed_zone,source\n" + line.code() + ",Synthetic line "
                + line.code() + " (" + line.template().name().toLowerCase(Locale.ROOT) + "),,," + ZONES.get(home) + ","
                + ZONES.get(home) + "," + MADE_UP + "\n";
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

    private static String bordersFile(Line line, int home, int away) {
        String out =
                "point,before_country,before_control,after_country,after_control,before_fare_end,after_fare_start,source\n";
        if (line.borderIndex() < 0) {
            return out;
        }
        int b = line.borderIndex();
        String point = line.points().get(b);
        return out + point + "," + country(home) + "," + line.points().get(b - 1) + "," + country(away) + ","
                + line.points().get(b + 1) + "," + point + "," + point + "," + MADE_UP + "\n";
    }

    private static String pointsHeader() {
        return "code,name_en,name_zh,name_lo,country,km,km_quality,kind,time_zone,station_tracks,useful_length_m,"
                + "tracks_basis,elevation_m,elevation_basis,usual_dwell_min,border_first_dwell_min,"
                + "border_second_dwell_min,dwell_basis,source\n";
    }

    /** Chainage of each point: the same draws in the same order for a seed, so the same kilometres. */
    private static String pointsFile(Line line, int home, int away, Random random) {
        StringBuilder out = new StringBuilder(pointsHeader());
        Template t = line.template();
        int km = 0;
        for (int p = 0; p < line.points().size(); p++) {
            if (p > 0) {
                km += p == line.borderIndex() || p == line.borderIndex() + 1
                        ? 2
                        : t.minSpacingKm + random.nextInt(t.maxSpacingKm - t.minSpacingKm + 1);
            }
            String code = line.points().get(p);
            boolean borderPoint = p == line.borderIndex();
            boolean afterBorder = line.borderIndex() >= 0 && p > line.borderIndex();
            int c = afterBorder ? away : home;
            String countryField = borderPoint ? country(home) + "/" + country(away) : country(c);
            boolean control = line.borderIndex() >= 0 && Math.abs(p - line.borderIndex()) == 1;
            boolean end = p == 0 || p == line.points().size() - 1;
            String kind = borderPoint ? "BORDER" : line.calls().get(p) ? "PASSENGER" : "PASSING_LOOP";
            int tracks = borderPoint ? 0 : end ? 6 : line.calls().get(p) ? 4 : 2;
            String dwell = control
                    ? "2,10,10,border formalities (made up)"
                    : line.calls().get(p) && !end ? "2,,,made up" : ",,,no usual dwell (made up)";
            out.append(code)
                    .append(",Synthetic ")
                    .append(code)
                    .append(",,,")
                    .append(countryField)
                    .append(',')
                    .append(km)
                    .append(',')
                    .append(p == 0 ? "origin" : "derived")
                    .append(',')
                    .append(kind)
                    .append(',')
                    .append(ZONES.get(borderPoint ? home : c))
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
                    .append('\n');
        }
        return out.toString();
    }

    private static String sectionsFile(Line line, Random random) {
        StringBuilder out = new StringBuilder(
                "from,to,tracks,line_speed_kmh,loco_hauled_speed_kmh,block,gradient_permille,"
                        + "gradient_basis,speed_limit_kmh,speed_limit_basis,source,gauge_mm,electrification,power_basis\n");
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
                    .append(",made up\n");
        }
        return out.toString();
    }

    /**
     * The line's trains: day trains at any hour, overnight trains leaving in the evening over the whole line (arriving
     * the next day), freight where the template has it; origins and destinations among the stations passenger trains
     * call at, so some trains run part of the line.
     */
    private static String timetableFile(Line line, int count, int home, Random random) {
        StringBuilder out = new StringBuilder("number,operator,train_type,passenger,days,valid_from,valid_to,from,to,"
                + "departure,fixed_departure,stops,meets,allowance_percent,note\n");
        List<Integer> stations = new ArrayList<>();
        for (int p = 0; p < line.points().size(); p++) {
            if (line.calls().get(p)) {
                stations.add(p);
            }
        }
        Template t = line.template();
        String lineNumber = line.code().substring(4);
        for (int n = 0; n < count; n++) {
            int kind = random.nextInt(10);
            boolean night = kind == 0;
            boolean freight = !night && t.freightType() != null && kind >= 6;
            int a;
            int b;
            if (night || random.nextBoolean()) {
                a = 0;
                b = line.points().size() - 1;
            } else {
                int i = random.nextInt(stations.size() - 2);
                int j = i + 2 + random.nextInt(stations.size() - i - 2);
                a = stations.get(i);
                b = stations.get(j);
            }
            boolean down = random.nextBoolean();
            int from = down ? a : b;
            int to = down ? b : a;
            // from 02:00: a train starting across a border, on another zone's clock, must still fall in the service day
            int minute = night ? 19 * 60 + random.nextInt(5 * 60) : 2 * 60 + random.nextInt(22 * 60);
            List<String> stops = new ArrayList<>();
            int step = from < to ? 1 : -1;
            for (int p = from + step; p != to; p += step) {
                boolean control = line.borderIndex() >= 0 && Math.abs(p - line.borderIndex()) == 1;
                if (control) {
                    stops.add(line.points().get(p) + " 20");
                } else if (!freight && line.calls().get(p)) {
                    stops.add(line.points().get(p) + " 2");
                }
            }
            String type = night ? t.nightType() : freight ? t.freightType() : t.dayType();
            out.append(String.format(Locale.ROOT, "S%s%04d", lineNumber, n))
                    .append(',')
                    .append(country(home))
                    .append("_RAIL,")
                    .append(type)
                    .append(',')
                    .append(!freight)
                    .append(",daily,2026-01-01,2027-12-31,")
                    .append(line.points().get(from))
                    .append(',')
                    .append(line.points().get(to))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60))
                    .append(",true,")
                    .append(String.join("; ", stops))
                    .append(",,5.0,")
                    .append(night ? "overnight; " : "")
                    .append(MADE_UP)
                    .append('\n');
        }
        return out.toString();
    }

    /**
     * Each line after the first starts where an earlier one has a station: a junction when both have one gauge, a
     * transshipment when the gauges differ (the two kinds of join the shipped networks know).
     */
    private static String joinsFile(List<Line> lines, int index) {
        StringBuilder out = new StringBuilder(
                "kind,point,other_network,other_point,mode,minimum_connection_min,distance_km,source\n");
        if (index == 0) {
            return out.toString();
        }
        Line line = lines.get(index);
        Line parent = lines.get((index - 1) / 2);
        String at = parent.points().get(parent.points().size() / 3 * (index % 2 == 0 ? 2 : 1));
        boolean sameGauge = parent.template().gaugeMm == line.template().gaugeMm;
        out.append(sameGauge ? "PASSENGER" : "FREIGHT")
                .append(',')
                .append(line.points().get(0))
                .append(',')
                .append(parent.code())
                .append(',')
                .append(at)
                .append(',')
                .append(sameGauge ? "JUNCTION,10,0," : "TRANSSHIPMENT,180,0.5,")
                .append(MADE_UP)
                .append('\n');
        return out.toString();
    }

    /** Made-up positions (GTFS needs one per stop): each line runs east from its own origin. */
    private static String coordinatesFile(Line line, int index) {
        StringBuilder out = new StringBuilder("code,lat,lon,source\n");
        for (int p = 0; p < line.points().size(); p++) {
            out.append(line.points().get(p))
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.4f,%.4f", 10 + index * 0.25, 100 + p * 0.1))
                    .append(',')
                    .append(MADE_UP)
                    .append('\n');
        }
        return out.toString();
    }
}
