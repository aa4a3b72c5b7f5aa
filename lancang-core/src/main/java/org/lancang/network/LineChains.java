package org.lancang.network;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lancang.data.CsvTable;
import org.lancang.data.DataFileException;
import org.lancang.data.DataFiles;

/**
 * The lines of a network folder while they are read: which line each row of points, sections and structures belongs
 * to ({@code line} column), the junctions of {@value #JUNCTIONS} placed on their other lines at their km there, and
 * each line's rows kept beside its values, so that a broken rule is reported at the row that breaks it. Without
 * {@value #LINES} the folder is one line named after the network, and the {@code line} columns may stay out.
 */
final class LineChains {
    /** The lines: code, names, what the directions of rising and falling km are called. */
    static final String LINES = "lines.csv";
    /** Points that also lie on another line than their own, with their km there. */
    static final String JUNCTIONS = "junctions.csv";

    private static final String LINE = "line";
    private static final List<String> LINE_COLUMNS =
            List.of("code", "name_en", "name_zh", "name_lo", "rising_en", "falling_en", "source");
    private static final List<String> JUNCTION_COLUMNS = List.of("point", LINE, "km", "km_quality", "source");

    private final Map<String, Chain> byCode = new LinkedHashMap<>();

    private LineChains() {}

    /** The lines of {@value #LINES}, or the network's one line when there is no such file. */
    static LineChains heads(DataFiles files, NetworkProfile profile) {
        LineChains out = new LineChains();
        if (!files.has(LINES)) {
            out.byCode.put(
                    profile.code(),
                    new Chain(
                            profile.code(),
                            profile.names(),
                            Line.RISING,
                            Line.FALLING,
                            "the network's one line",
                            null));
            return out;
        }
        for (CsvTable.Row row :
                CsvTable.parse(LINES, files.read(LINES), LINE_COLUMNS).rows()) {
            String code = row.required("code").strip().toUpperCase(Locale.ROOT);
            if (!code.matches("[A-Z][A-Z0-9_]{0,15}")) {
                throw row.error("code", "'" + code + "' is not 1–16 capital letters, digits or underscores");
            }
            if (out.byCode.containsKey(code)) {
                throw row.error("code", "'" + code + "' appears twice");
            }
            out.byCode.put(
                    code,
                    new Chain(
                            code,
                            new Names(
                                    row.required("name_en"),
                                    row.text("name_zh"),
                                    row.text("name_lo"),
                                    "",
                                    NetworkParser.moreNames(row)),
                            row.text("rising_en"),
                            row.text("falling_en"),
                            row.text("source"),
                            row));
        }
        if (out.byCode.isEmpty()) {
            throw new DataFileException(LINES, 1, "code", "names no line");
        }
        return out;
    }

    /** The line a row names in its {@code line} column; blank or absent names the only line of a one-line network. */
    Chain of(CsvTable.Row row) {
        String code = row.textIfPresent(LINE).toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            if (byCode.size() == 1) {
                return byCode.values().iterator().next();
            }
            throw row.error(LINE, "must name the row's line, one of " + byCode.keySet());
        }
        Chain chain = byCode.get(code);
        if (chain == null && byCode.size() == 1) {
            chain = byCode.values().stream()
                    .filter(c -> c.code.equalsIgnoreCase(code))
                    .findFirst()
                    .orElse(null);
        }
        if (chain == null) {
            throw row.error(LINE, "'" + code + "' is not a line of " + LINES + " " + byCode.keySet());
        }
        return chain;
    }

    /** Places each junction of {@value #JUNCTIONS} on its other line, at its km there. */
    void addJunctions(DataFiles files, Map<String, Point> byPoint) {
        if (!files.has(JUNCTIONS)) {
            return;
        }
        for (CsvTable.Row row : CsvTable.parse(JUNCTIONS, files.read(JUNCTIONS), JUNCTION_COLUMNS)
                .rows()) {
            Point home = NetworkParser.known(row, "point", byPoint);
            Chain chain = of(row);
            if (chain.indexOf(home.code()) >= 0) {
                throw row.error(LINE, home.code() + " lies on line " + chain.code + " already");
            }
            double km = row.decimalBetween("km", 0, 100_000);
            Point there = home.onAnotherLine(km, row.oneOf("km_quality", KmQuality.class), row.text("source"));
            chain.addJunction(there, row);
        }
    }

    /** Every rule of a chain, line by line, reported at the row that breaks it. */
    void check(CsvTable pointTable, CsvTable sectionTable, CsvTable structureTable) {
        for (Chain chain : byCode.values()) {
            List<Network.Violation> found = Network.violations(chain.points, chain.sections, chain.structures);
            if (found.isEmpty()) {
                continue;
            }
            Network.Violation v = found.get(0);
            CsvTable table;
            List<CsvTable.Row> rows;
            switch (v.subject()) {
                case SECTION -> {
                    table = sectionTable;
                    rows = chain.sectionRows;
                }
                case STRUCTURE -> {
                    table = structureTable;
                    rows = chain.structureRows;
                }
                default -> {
                    table = pointTable;
                    rows = chain.pointRows;
                }
            }
            String problem = (byCode.size() > 1 ? "on line " + chain.code + ": " : "") + v.problem();
            if (rows.isEmpty()) {
                throw new DataFileException(table.file(), 1, v.field(), problem);
            }
            throw rows.get(Math.min(v.index(), rows.size() - 1)).error(v.field(), problem);
        }
    }

    /** The rules that join the lines ({@link Network#junctionProblems}), reported at the line's row. */
    void checkJoined(List<Point> points, List<Line> lines, CsvTable pointTable) {
        List<Network.Violation> found = Network.junctionProblems(points, lines);
        if (found.isEmpty()) {
            return;
        }
        Network.Violation v = found.get(0);
        CsvTable.Row row =
                v.subject() == Network.Subject.LINE ? new ArrayList<>(byCode.values()).get(v.index()).row : null;
        if (row == null) {
            throw new DataFileException(pointTable.file(), 1, v.field(), v.problem());
        }
        throw row.error(v.field(), v.problem());
    }

    List<Chain> all() {
        return List.copyOf(byCode.values());
    }

    List<Line> lines() {
        return byCode.values().stream().map(Chain::line).toList();
    }

    /** One line as read: its points with their km on it, its sections and structures, each with the row it came from. */
    static final class Chain {
        private final String code;
        private final Names names;
        private final String rising;
        private final String falling;
        private final String source;
        private final CsvTable.Row row;
        private final List<Point> points = new ArrayList<>();
        private final List<CsvTable.Row> pointRows = new ArrayList<>();
        private final List<Section> sections = new ArrayList<>();
        private final List<CsvTable.Row> sectionRows = new ArrayList<>();
        private final List<Structure> structures = new ArrayList<>();
        private final List<CsvTable.Row> structureRows = new ArrayList<>();
        private final Set<String> junctions = new HashSet<>();

        private Chain(String code, Names names, String rising, String falling, String source, CsvTable.Row row) {
            this.code = code;
            this.names = names;
            this.rising = rising;
            this.falling = falling;
            this.source = source;
            this.row = row;
        }

        void addHome(Point p, CsvTable.Row r) {
            points.add(p);
            pointRows.add(r);
        }

        /** A junction goes before the first point of the line with a greater km. */
        private void addJunction(Point p, CsvTable.Row r) {
            int at = 0;
            while (at < points.size() && points.get(at).km() <= p.km()) {
                at++;
            }
            points.add(at, p);
            pointRows.add(at, r);
            junctions.add(p.code());
        }

        /** The section of a row, its two points looked up on this line: a section never joins two lines. */
        void addSection(Section s, CsvTable.Row r) {
            sections.add(s);
            sectionRows.add(r);
        }

        /** This line's points by code, for a section row; a point of another line is refused naming the field. */
        Map<String, Point> pointsByCode(CsvTable.Row r) {
            Map<String, Point> out = new LinkedHashMap<>();
            points.forEach(p -> out.put(p.code(), p));
            for (String field : List.of("from", "to")) {
                String point = r.required(field);
                if (!out.containsKey(point)) {
                    throw r.error(
                            field,
                            "'" + point + "' is not on line " + code
                                    + ": a section joins two points of one line (a junction lies on both)");
                }
            }
            return out;
        }

        void addStructure(Structure s, CsvTable.Row r) {
            structures.add(s);
            structureRows.add(r);
        }

        /** Splits section {@code at} by a loop, which takes its place after the section's first point. */
        void splitSection(int at, Point loop, CsvTable.Row r, Section first, Section second) {
            sections.set(at, first);
            sections.add(at + 1, second);
            sectionRows.add(at + 1, r);
            points.add(at + 1, loop);
            pointRows.add(at + 1, r);
        }

        int indexOf(String pointCode) {
            for (int i = 0; i < points.size(); i++) {
                if (points.get(i).code().equals(pointCode)) {
                    return i;
                }
            }
            return -1;
        }

        List<Point> points() {
            return points;
        }

        List<Section> sections() {
            return sections;
        }

        List<Structure> structures() {
            return structures;
        }

        Line line() {
            return new Line(code, names, rising, falling, points, sections, structures, source);
        }
    }
}
