package org.lancang.network;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lancang.data.CsvTable;
import org.lancang.data.DataFileException;
import org.lancang.data.DataFiles;

/**
 * Reads a network from its data files ({@value #NETWORK}, {@value #COUNTRIES}, {@value #POINTS}, {@value #SECTIONS},
 * {@value #STRUCTURES}, {@value #ASSUMED_LOOPS}, {@value #BORDERS}, and for a network of several lines
 * {@value LineChains#LINES} and {@value LineChains#JUNCTIONS} with a {@code line} column in the others) and checks
 * every rule of {@link Network#violations} per line, and that the lines are joined; a broken file gives a
 * {@link DataFileException} naming file, line and field.
 */
public final class NetworkParser {
    public static final String POINTS = "points.csv";
    public static final String SECTIONS = "sections.csv";
    public static final String STRUCTURES = "structures.csv";
    /** Passing loops Lancang assumes where the real ones are unknown; each splits the section it lies in. */
    public static final String ASSUMED_LOOPS = "assumed-loops.csv";
    /** The network's own description: code, names, service-day zone, feed zone. */
    public static final String NETWORK = "network.csv";
    /** The countries the points lie in, each with its zone. */
    public static final String COUNTRIES = "countries.csv";
    /** The borders: each side's country, control station and where its fares end. */
    public static final String BORDERS = "borders.csv";

    private static final List<String> NETWORK_COLUMNS =
            List.of("code", "name_en", "name_zh", "name_lo", "service_zone", "feed_zone", "source");
    private static final List<String> COUNTRY_COLUMNS = List.of(
            "code",
            "name_en",
            "name_zh",
            "name_lo",
            "time_zone",
            "time_name_en",
            "time_name_zh",
            "time_name_lo",
            "infrastructure_manager",
            "source");
    private static final List<String> BORDER_COLUMNS = List.of(
            "point",
            "before_country",
            "before_control",
            "after_country",
            "after_control",
            "before_fare_end",
            "after_fare_start",
            "source");

    private static final List<String> POINT_COLUMNS = List.of(
            "code",
            "name_en",
            "name_zh",
            "name_lo",
            "country",
            "km",
            "km_quality",
            "kind",
            "time_zone",
            "station_tracks",
            "useful_length_m",
            "tracks_basis",
            "elevation_m",
            "elevation_basis",
            "usual_dwell_min",
            "border_first_dwell_min",
            "border_second_dwell_min",
            "dwell_basis",
            "source");
    private static final List<String> SECTION_COLUMNS = List.of(
            "from",
            "to",
            "tracks",
            "line_speed_kmh",
            "loco_hauled_speed_kmh",
            "block",
            "gradient_permille",
            "gradient_basis",
            "speed_limit_kmh",
            "speed_limit_basis",
            "source");
    private static final List<String> STRUCTURE_COLUMNS = List.of(
            "name_en", "name_zh", "name_lo", "kind", "km_from", "km_to", "length_m", "country", "km_quality", "source");

    private NetworkParser() {}

    public static Network parse(DataFiles files) {
        Countries countries = countries(files);
        NetworkProfile profile = profile(files, countries);
        CsvTable pointTable = CsvTable.parse(POINTS, files.read(POINTS), POINT_COLUMNS);
        CsvTable sectionTable = CsvTable.parse(SECTIONS, files.read(SECTIONS), SECTION_COLUMNS);
        CsvTable structureTable = CsvTable.parse(STRUCTURES, files.read(STRUCTURES), STRUCTURE_COLUMNS);

        LineChains chains = LineChains.heads(files, profile);
        List<Point> points = new ArrayList<>();
        for (CsvTable.Row row : pointTable.rows()) {
            Point p = point(row, false, countries);
            points.add(p);
            chains.of(row).addHome(p, row);
        }
        Map<String, Point> byCode =
                points.stream().collect(Collectors.toMap(Point::code, Function.identity(), (a, b) -> a));
        chains.addJunctions(files, byCode);
        for (CsvTable.Row row : sectionTable.rows()) {
            known(row, "from", byCode);
            known(row, "to", byCode);
            LineChains.Chain chain = chains.of(row);
            chain.addSection(section(row, chain.pointsByCode(row)), row);
        }
        for (CsvTable.Row row : structureTable.rows()) {
            chains.of(row).addStructure(structure(row, countries), row);
        }
        chains.check(pointTable, sectionTable, structureTable);
        withAssumedLoops(chains, points, files, countries);
        List<Line> lines = chains.lines();
        chains.checkJoined(points, lines, pointTable);
        Network reference = new Network(profile, List.of(), points, lines);
        return new Network(profile, borders(files, reference, countries), points, lines);
    }

    /** The countries of {@value #COUNTRIES}, and the shared ones of their borders made on demand, one value per code. */
    private static final class Countries {
        private final Map<String, Country> byCode = new LinkedHashMap<>();

        Country of(CsvTable.Row row, String field) {
            String code = row.required(field).strip().toUpperCase(Locale.ROOT);
            Country known = byCode.get(code);
            if (known != null) {
                return known;
            }
            String[] parts = code.split("/", -1);
            if (parts.length == 2 && byCode.containsKey(parts[0]) && byCode.containsKey(parts[1])) {
                Country shared = Country.shared(byCode.get(parts[0]), byCode.get(parts[1]));
                byCode.put(code, shared);
                return shared;
            }
            throw row.error(
                    field,
                    "'" + code + "' is not a country of " + COUNTRIES + " (" + String.join(", ", real())
                            + ") nor two of them joined by a slash at a border");
        }

        List<String> real() {
            return byCode.values().stream()
                    .filter(c -> !c.isShared())
                    .map(Country::code)
                    .toList();
        }

        List<Country> list() {
            return byCode.values().stream().filter(c -> !c.isShared()).toList();
        }
    }

    private static Countries countries(DataFiles files) {
        Countries out = new Countries();
        for (CsvTable.Row row : CsvTable.parse(COUNTRIES, files.read(COUNTRIES), COUNTRY_COLUMNS)
                .rows()) {
            String code = row.required("code").strip().toUpperCase(Locale.ROOT);
            if (!code.matches("[A-Z]{2,3}")) {
                throw row.error("code", "'" + code + "' is not 2–3 capital letters");
            }
            if (out.byCode.containsKey(code)) {
                throw row.error("code", "'" + code + "' appears twice");
            }
            Country country = new Country(
                    code,
                    new Names(row.required("name_en"), row.text("name_zh"), row.text("name_lo"), "", moreNames(row)),
                    language(row),
                    zone(row, "time_zone"),
                    new Names(row.text("time_name_en"), row.text("time_name_zh"), row.text("time_name_lo")),
                    List.of(),
                    row.required("infrastructure_manager").strip().toUpperCase(Locale.ROOT),
                    row.text("source"));
            if (!country.language().isBlank() && country.ownName().isBlank()) {
                throw row.error(
                        "language",
                        "'" + country.language() + "' is the country's own language, but the row has no name_"
                                + country.language() + " to name it in");
            }
            out.byCode.put(code, country);
        }
        return out;
    }

    /**
     * The optional {@code language} column: the language a country names itself in, a two- or three-letter code
     * (its name in that language is the column {@code name_xx}).
     */
    private static String language(CsvTable.Row row) {
        String language = row.textIfPresent("language").strip();
        if (!language.isEmpty() && !language.matches("[a-z]{2,3}")) {
            throw row.error("language", "'" + language + "' is not a language code of 2–3 small letters");
        }
        return language;
    }

    private static NetworkProfile profile(DataFiles files, Countries countries) {
        CsvTable table = CsvTable.parse(NETWORK, files.read(NETWORK), NETWORK_COLUMNS);
        if (table.rows().size() != 1) {
            throw new DataFileException(
                    NETWORK,
                    1,
                    "code",
                    "must have exactly one row, has " + table.rows().size());
        }
        CsvTable.Row row = table.rows().get(0);
        String code = row.required("code").strip().toLowerCase(Locale.ROOT);
        if (!code.matches("[a-z][a-z0-9-]{1,39}")) {
            throw row.error("code", "'" + code + "' is not a folder-like name (lower-case letters, digits, hyphens)");
        }
        return new NetworkProfile(
                code,
                new Names(row.required("name_en"), row.text("name_zh"), row.text("name_lo"), "", moreNames(row)),
                zone(row, "service_zone"),
                zone(row, "feed_zone"),
                countries.list(),
                row.text("source"));
    }

    private static List<Border> borders(DataFiles files, Network network, Countries countries) {
        CsvTable table = CsvTable.parse(BORDERS, files.read(BORDERS), BORDER_COLUMNS);
        List<Border> out = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            Point point = known(row, "point", network);
            if (point.kind() != PointKind.BORDER) {
                throw row.error("point", "'" + point.code() + "' is not a BORDER point");
            }
            Country before = countries.of(row, "before_country");
            Country after = countries.of(row, "after_country");
            if (!point.country().members().equals(List.of(before.code(), after.code()))) {
                throw row.error(
                        "after_country",
                        point.code() + " lies in " + point.country() + ", not " + before + "/" + after);
            }
            Point beforeControl = onSide(row, "before_control", network, point, before);
            Point afterControl = onSide(row, "after_control", network, point, after);
            Point fareEnd = onSide(row, "before_fare_end", network, point, before);
            Point fareStart = onSide(row, "after_fare_start", network, point, after);
            out.add(new Border(
                    point, before, beforeControl, after, afterControl, fareEnd, fareStart, row.text("source")));
        }
        return out;
    }

    /** A point named in a border row: the border itself, or a point of that side's country. */
    private static Point onSide(CsvTable.Row row, String field, Network network, Point border, Country country) {
        Point p = known(row, field, network);
        if (!p.equals(border) && !p.country().equals(country)) {
            throw row.error(field, "'" + p.code() + "' lies in " + p.country() + ", not " + country);
        }
        return p;
    }

    private static Point known(CsvTable.Row row, String field, Network network) {
        String code = row.required(field);
        return network.point(code).orElseThrow(() -> row.error(field, "'" + code + "' is not a point in " + POINTS));
    }

    /**
     * Adds the assumed passing loops: each must lie strictly inside a single-track section of its line (the main line
     * when the row names none), which it splits in two with the same track, speeds, block and gradient.
     */
    private static void withAssumedLoops(LineChains chains, List<Point> points, DataFiles files, Countries countries) {
        CsvTable table = CsvTable.parse(ASSUMED_LOOPS, files.read(ASSUMED_LOOPS), POINT_COLUMNS);
        for (CsvTable.Row row : table.rows()) {
            Point loop = point(row, true, countries);
            if (loop.kind() != PointKind.PASSING_LOOP) {
                throw row.error("kind", "an assumed point must be a PASSING_LOOP");
            }
            if (points.stream().anyMatch(p -> p.code().equals(loop.code()))) {
                throw row.error("code", "'" + loop.code() + "' is already a point");
            }
            LineChains.Chain chain = chains.of(row);
            List<Section> sections = chain.sections();
            int at = -1;
            for (int i = 0; i < sections.size(); i++) {
                Section s = sections.get(i);
                if (loop.km() > s.fromKm() && loop.km() < s.toKm()) {
                    at = i;
                }
            }
            if (at < 0 || !sections.get(at).isSingleTrack()) {
                throw row.error("km", loop.km() + " is not strictly inside a single-track section");
            }
            Section s = sections.get(at);
            chain.splitSection(
                    at,
                    loop,
                    row,
                    s.between(s.from(), loop.code(), s.fromKm(), loop.km()),
                    s.between(loop.code(), s.to(), loop.km(), s.toKm()));
            Point before = chain.points().get(at);
            points.add(points.indexOf(before) + 1, loop);
        }
        for (LineChains.Chain chain : chains.all()) {
            List<Network.Violation> violations =
                    Network.violations(chain.points(), chain.sections(), chain.structures());
            if (!violations.isEmpty()) {
                throw new DataFileException(
                        ASSUMED_LOOPS,
                        1,
                        violations.get(0).field(),
                        violations.get(0).problem());
            }
        }
    }

    /** The three languages every name has, and the pinyin form: the other {@code name_xx} columns are more languages. */
    private static final Set<String> NAME_COLUMNS = Set.of("name_en", "name_zh", "name_lo", "name_pinyin");

    /** Names in more languages: each column {@code name_xx} (a two- or three-letter language code) beyond the three. */
    public static Map<String, String> moreNames(CsvTable.Row row) {
        Map<String, String> more = new TreeMap<>();
        for (String column : row.columns()) {
            if (column.matches("name_[a-z]{2,3}") && !NAME_COLUMNS.contains(column)) {
                more.put(column.substring("name_".length()), row.text(column));
            }
        }
        return more;
    }

    private static Point point(CsvTable.Row row, boolean assumed, Countries countries) {
        return new Point(
                row.required("code"),
                new Names(
                        row.required("name_en"),
                        row.text("name_zh"),
                        row.text("name_lo"),
                        row.textIfPresent("name_pinyin"),
                        moreNames(row)),
                countries.of(row, "country"),
                row.decimalBetween("km", 0, 100_000),
                row.oneOf("km_quality", KmQuality.class),
                row.oneOf("kind", PointKind.class),
                zone(row, "time_zone"),
                row.integer("station_tracks"),
                row.integer("useful_length_m"),
                row.text("tracks_basis"),
                row.decimalBetween("elevation_m", -500, 6000),
                row.text("elevation_basis"),
                dwell(row),
                row.text("source"),
                assumed);
    }

    private static Section section(CsvTable.Row row, Map<String, Point> byCode) {
        Point from = known(row, "from", byCode);
        Point to = known(row, "to", byCode);
        return new Section(
                from.code(),
                to.code(),
                from.km(),
                to.km(),
                row.integer("tracks"),
                row.integer("line_speed_kmh"),
                row.integer("loco_hauled_speed_kmh"),
                row.oneOf("block", BlockType.class),
                row.decimal("gradient_permille"),
                row.text("gradient_basis"),
                row.optional("speed_limit_kmh").isPresent() ? row.integerBetween("speed_limit_kmh", 10, 400) : 0,
                row.text("speed_limit_basis"),
                row.text("source"),
                row.integerBetween("gauge_mm", 500, 2_000),
                row.required("electrification"),
                row.text("power_basis"));
    }

    /** The dwell columns: minutes, decimals allowed (0.5 is 30 s); blank is none. */
    private static StopDwell dwell(CsvTable.Row row) {
        return new StopDwell(
                minutes(row, "usual_dwell_min"),
                minutes(row, "border_first_dwell_min"),
                minutes(row, "border_second_dwell_min"),
                row.text("dwell_basis"));
    }

    private static Duration minutes(CsvTable.Row row, String field) {
        if (row.optional(field).isEmpty()) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(Math.round(row.decimalBetween(field, 0, 24 * 60) * 60_000));
    }

    private static Structure structure(CsvTable.Row row, Countries countries) {
        return new Structure(
                new Names(row.required("name_en"), row.text("name_zh"), row.text("name_lo")),
                row.oneOf("kind", StructureKind.class),
                row.decimal("km_from"),
                row.decimal("km_to"),
                row.decimal("length_m"),
                countries.of(row, "country"),
                row.oneOf("km_quality", KmQuality.class),
                row.text("source"));
    }

    static Point known(CsvTable.Row row, String field, Map<String, Point> byCode) {
        String code = row.required(field);
        Point p = byCode.get(code);
        if (p == null) {
            throw row.error(field, "'" + code + "' is not a point in " + POINTS);
        }
        return p;
    }

    private static ZoneId zone(CsvTable.Row row, String field) {
        String text = row.required(field);
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw row.error(field, "'" + text + "' is not a time zone");
        }
    }
}
