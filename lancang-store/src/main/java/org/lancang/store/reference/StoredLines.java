package org.lancang.store.reference;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.lancang.network.KmQuality;
import org.lancang.network.Line;
import org.lancang.network.Names;
import org.lancang.network.Network;
import org.lancang.network.Point;

/**
 * The lines of the stored network and their junctions (migration V81): a point is stored once, on its home line, and a
 * junction once more for every other line it lies on, with its km there. A network stored without lines is one line.
 */
final class StoredLines {
    /** A line as stored, before its points, sections and structures are put back on it. */
    record Stored(String code, Names names, String rising, String falling, String source) {}

    private StoredLines() {}

    /**
     * The line a point is stored on: the line holding the very point {@link Network#points()} lists (with its home km);
     * the first line it lies on if none holds it unchanged.
     */
    static String homeLine(Network network, Point p) {
        List<Network.Place> places = network.places(p.code());
        return places.stream()
                .filter(place -> place.line().points().get(place.index()).equals(p))
                .findFirst()
                .orElse(places.get(0))
                .line()
                .code();
    }

    static void save(Handle h, Network network) {
        PreparedBatch lines = h.prepareBatch("INSERT INTO network_line (seq, code, name_en, name_zh, name_lo,"
                + " name_pinyin, names_more, rising_name, falling_name, source) VALUES (:seq, :code, :en, :zh, :lo,"
                + " :pinyin, :more, :rising, :falling, :source)");
        PreparedBatch junctions = h.prepareBatch("INSERT INTO network_junction (point, line, km, km_quality, source)"
                + " VALUES (:point, :line, :km, :kmQuality, :source)");
        int seq = 0;
        boolean anyJunction = false;
        for (Line l : network.lines()) {
            lines.bind("seq", seq++)
                    .bind("code", l.code())
                    .bind("en", l.names().en())
                    .bind("zh", l.names().zh())
                    .bind("lo", l.names().lo())
                    .bind("pinyin", l.names().pinyin())
                    .bind("more", ReferenceStore.moreNames(l.names()))
                    .bind("rising", l.risingName())
                    .bind("falling", l.fallingName())
                    .bind("source", l.source())
                    .add();
            for (Point p : l.points()) {
                if (!homeLine(network, network.point(p.code()).orElseThrow()).equals(l.code())) {
                    junctions
                            .bind("point", p.code())
                            .bind("line", l.code())
                            .bind("km", p.km())
                            .bind("kmQuality", p.kmQuality().name())
                            .bind("source", p.source())
                            .add();
                    anyJunction = true;
                }
            }
        }
        lines.execute();
        if (anyJunction) {
            junctions.execute();
        }
    }

    static List<Stored> lines(Handle h) {
        return h.createQuery("SELECT * FROM network_line ORDER BY seq")
                .map((rs, ctx) -> new Stored(
                        rs.getString("code"),
                        new Names(
                                rs.getString("name_en"),
                                rs.getString("name_zh"),
                                rs.getString("name_lo"),
                                rs.getString("name_pinyin"),
                                ReferenceStore.moreNames(rs.getString("names_more"))),
                        rs.getString("rising_name"),
                        rs.getString("falling_name"),
                        rs.getString("source")))
                .list();
    }

    /**
     * Each line's points in its km order: its home points in stored order, each junction from another line placed
     * before the first point with a greater km (as the reader places the rows of junctions.csv).
     */
    static Map<String, List<Point>> points(Handle h, List<Stored> lines, List<Point> points, Map<String, String> home) {
        Map<String, List<Point>> out = new LinkedHashMap<>();
        lines.forEach(l -> out.put(l.code(), new ArrayList<>()));
        for (Point p : points) {
            out.computeIfAbsent(home.get(p.code()), c -> new ArrayList<>()).add(p);
        }
        Map<String, Point> byCode = new LinkedHashMap<>();
        points.forEach(p -> byCode.put(p.code(), p));
        h.createQuery("SELECT * FROM network_junction ORDER BY line, km")
                .map((rs, ctx) -> {
                    Point there = byCode.get(rs.getString("point"))
                            .onAnotherLine(
                                    rs.getDouble("km"),
                                    KmQuality.valueOf(rs.getString("km_quality")),
                                    rs.getString("source"));
                    List<Point> line = out.computeIfAbsent(rs.getString("line"), c -> new ArrayList<>());
                    int i = 0;
                    while (i < line.size() && line.get(i).km() <= there.km()) {
                        i++;
                    }
                    line.add(i, there);
                    return there;
                })
                .list();
        return out;
    }
}
