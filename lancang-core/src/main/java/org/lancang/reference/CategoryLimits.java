package org.lancang.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lancang.data.CsvTable;
import org.lancang.network.CategoryLimit;
import org.lancang.network.Line;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.Route;
import org.lancang.network.Section;
import org.lancang.rollingstock.RollingStock;
import org.lancang.rollingstock.TrainCategory;
import org.lancang.rollingstock.TrainType;

/**
 * Reads a network's {@value #FILE}: speed limits that bind one category of train (or one train type) over a stretch
 * of line, lower than the limit every train obeys. Each row names the stretch by two points (the route between them,
 * across junctions on a network of several lines, each leg's limit on its own line's km) and may narrow it to a km
 * range between them when both lie on one line; a category must be one the rolling stock knows (a {@link TrainCategory} or a train type's code),
 * so that a typo is refused at start instead of silently binding nothing.
 */
public final class CategoryLimits {
    /** The optional file of limits by train category. */
    public static final String FILE = "category-speed-limits.csv";

    private static final List<String> COLUMNS = List.of("category", "from", "to", "speed_kmh", "source");

    private CategoryLimits() {}

    /** The network with the file's limits attached to the sections they cover. */
    public static Network apply(String text, Network network, RollingStock stock) {
        CsvTable table = CsvTable.parse(FILE, text, COLUMNS);
        Set<String> known = new LinkedHashSet<>();
        for (TrainCategory c : TrainCategory.values()) {
            known.add(c.name());
        }
        stock.types().stream().map(TrainType::code).forEach(known::add);
        Map<String, List<CategoryLimit>> byLine = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            for (OnLine l : limit(row, network, known)) {
                byLine.computeIfAbsent(l.line(), k -> new ArrayList<>()).add(l.limit());
            }
        }
        List<Section> sections = new ArrayList<>();
        for (Line line : network.lines()) { // network.sections() is the lines' sections, line after line
            List<CategoryLimit> own = byLine.getOrDefault(line.code(), List.of());
            for (Section s : line.sections()) {
                sections.add(s.withCategoryLimits(own));
            }
        }
        return network.withSections(sections);
    }

    /** A limit over a km range of one line (a km names a place only with its line, ADR 0033). */
    private record OnLine(String line, CategoryLimit limit) {}

    /**
     * A row's limit on each leg of the route between its two points: one leg on a network of one line, one per line
     * passed across junctions. A km range narrowing it is a range of the one line both points lie on.
     */
    private static List<OnLine> limit(CsvTable.Row row, Network network, Set<String> known) {
        String category = row.required("category").strip();
        if (known.stream().noneMatch(k -> k.equalsIgnoreCase(category))) {
            throw row.error("category", "'" + category + "' is neither a train category nor a train type: " + known);
        }
        Point from = point(row, "from", network);
        Point to = point(row, "to", network);
        if (from.code().equals(to.code())) {
            throw row.error("to", "must be another point than from");
        }
        Route route = network.routes().between(row, from, to);
        List<OnLine> out = new ArrayList<>();
        boolean narrowed =
                row.optional("km_from").isPresent() || row.optional("km_to").isPresent();
        if (narrowed && route.legs().size() > 1) {
            throw row.error(
                    "km_from",
                    "a km range needs from and to on one line; " + from.code() + "–" + to.code()
                            + " passes a junction");
        }
        for (Route.Leg leg : route.legs()) {
            double lo = Math.min(leg.line().km(leg.fromIndex()), leg.line().km(leg.toIndex()));
            double hi = Math.max(leg.line().km(leg.fromIndex()), leg.line().km(leg.toIndex()));
            // a km range, where given, narrows the stretch (a curve, a town) and must lie within it
            if (narrowed) {
                double a = row.decimalBetween("km_from", lo, hi);
                double b = row.decimalBetween("km_to", lo, hi);
                if (!(b > a)) {
                    throw row.error("km_to", b + " must exceed km_from " + a);
                }
                lo = a;
                hi = b;
            }
            int speed = row.integerBetween("speed_kmh", 10, Network.MAX_SPEED_KMH);
            out.add(new OnLine(
                    leg.line().code(),
                    new CategoryLimit(category.toUpperCase(Locale.ROOT), lo, hi, speed, row.required("source"))));
        }
        return out;
    }

    private static Point point(CsvTable.Row row, String field, Network network) {
        String code = row.required(field);
        return network.point(code).orElseThrow(() -> row.error(field, "'" + code + "' is not a point of the network"));
    }
}
