package org.lancang.network;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lancang.data.CsvTable;
import org.lancang.data.DataFileException;
import org.lancang.data.DataFiles;

/**
 * Reads a network from its three data files ({@value #POINTS}, {@value #SECTIONS}, {@value #STRUCTURES}) and checks
 * every rule of {@link Network#violations}; a broken file gives a {@link DataFileException} naming file, line and field.
 */
public final class NetworkParser {
    public static final String POINTS = "points.csv";
    public static final String SECTIONS = "sections.csv";
    public static final String STRUCTURES = "structures.csv";
    /** Passing loops Lancang assumes where the real ones are unknown; each splits the section it lies in. */
    public static final String ASSUMED_LOOPS = "assumed-loops.csv";

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
        CsvTable pointTable = CsvTable.parse(POINTS, files.read(POINTS), POINT_COLUMNS);
        CsvTable sectionTable = CsvTable.parse(SECTIONS, files.read(SECTIONS), SECTION_COLUMNS);
        CsvTable structureTable = CsvTable.parse(STRUCTURES, files.read(STRUCTURES), STRUCTURE_COLUMNS);

        List<Point> points =
                pointTable.rows().stream().map(r -> point(r, false)).toList();
        Map<String, Point> byCode =
                points.stream().collect(Collectors.toMap(Point::code, Function.identity(), (a, b) -> a));
        List<Section> sections = new ArrayList<>();
        for (CsvTable.Row row : sectionTable.rows()) {
            sections.add(section(row, byCode));
        }
        List<Structure> structures =
                structureTable.rows().stream().map(NetworkParser::structure).toList();

        List<Network.Violation> violations = Network.violations(points, sections, structures);
        if (!violations.isEmpty()) {
            Network.Violation v = violations.get(0);
            CsvTable table = switch (v.subject()) {
                case POINT -> pointTable;
                case SECTION -> sectionTable;
                case STRUCTURE -> structureTable;
            };
            int line = table.rows().isEmpty()
                    ? 1
                    : table.rows()
                            .get(Math.min(v.index(), table.rows().size() - 1))
                            .line();
            throw new DataFileException(table.file(), line, v.field(), v.problem());
        }
        return withAssumedLoops(new Network(points, sections, structures), files);
    }

    /**
     * Adds the assumed passing loops: each must lie strictly inside a single-track section, which it splits in two with
     * the same track, speeds, block and gradient.
     */
    private static Network withAssumedLoops(Network reference, DataFiles files) {
        CsvTable table = CsvTable.parse(ASSUMED_LOOPS, files.read(ASSUMED_LOOPS), POINT_COLUMNS);
        List<Point> points = new ArrayList<>(reference.points());
        List<Section> sections = new ArrayList<>(reference.sections());
        for (CsvTable.Row row : table.rows()) {
            Point loop = point(row, true);
            if (loop.kind() != PointKind.PASSING_LOOP) {
                throw row.error("kind", "an assumed point must be a PASSING_LOOP");
            }
            if (reference.point(loop.code()).isPresent()
                    || points.stream().anyMatch(p -> p.code().equals(loop.code()))) {
                throw row.error("code", "'" + loop.code() + "' is already a point");
            }
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
            sections.set(at, s.between(s.from(), loop.code(), s.fromKm(), loop.km()));
            sections.add(at + 1, s.between(loop.code(), s.to(), loop.km(), s.toKm()));
            points.add(at + 1, loop);
        }
        List<Network.Violation> violations = Network.violations(points, sections, reference.structures());
        if (!violations.isEmpty()) {
            throw new DataFileException(
                    ASSUMED_LOOPS,
                    1,
                    violations.get(0).field(),
                    violations.get(0).problem());
        }
        return new Network(points, sections, reference.structures());
    }

    private static Point point(CsvTable.Row row, boolean assumed) {
        return new Point(
                row.required("code"),
                new Names(
                        row.required("name_en"),
                        row.text("name_zh"),
                        row.text("name_lo"),
                        row.textIfPresent("name_pinyin")),
                country(row, "country"),
                row.decimalBetween("km", 0, 100_000),
                row.oneOf("km_quality", KmQuality.class),
                row.oneOf("kind", PointKind.class),
                zone(row),
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
                row.text("source"));
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

    private static Structure structure(CsvTable.Row row) {
        return new Structure(
                new Names(row.required("name_en"), row.text("name_zh"), row.text("name_lo")),
                row.oneOf("kind", StructureKind.class),
                row.decimal("km_from"),
                row.decimal("km_to"),
                row.decimal("length_m"),
                country(row, "country"),
                row.oneOf("km_quality", KmQuality.class),
                row.text("source"));
    }

    private static Point known(CsvTable.Row row, String field, Map<String, Point> byCode) {
        String code = row.required(field);
        Point p = byCode.get(code);
        if (p == null) {
            throw row.error(field, "'" + code + "' is not a point in " + POINTS);
        }
        return p;
    }

    private static Country country(CsvTable.Row row, String field) {
        try {
            return Country.fromCode(row.required(field));
        } catch (IllegalArgumentException e) {
            throw row.error(field, e.getMessage());
        }
    }

    private static ZoneId zone(CsvTable.Row row) {
        String text = row.required("time_zone");
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw row.error("time_zone", "'" + text + "' is not a time zone");
        }
    }
}
