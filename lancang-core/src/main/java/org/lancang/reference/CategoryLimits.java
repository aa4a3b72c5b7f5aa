package org.lancang.reference;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lancang.data.CsvTable;
import org.lancang.network.CategoryLimit;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.Section;
import org.lancang.rollingstock.RollingStock;
import org.lancang.rollingstock.TrainCategory;
import org.lancang.rollingstock.TrainType;

/**
 * Reads a network's {@value #FILE}: speed limits that bind one category of train (or one train type) over a stretch
 * of line, lower than the limit every train obeys. Each row names the stretch by two points and may narrow it to a km
 * range between them; a category must be one the rolling stock knows (a {@link TrainCategory} or a train type's code),
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
        List<CategoryLimit> limits = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            limits.add(limit(row, network, known));
        }
        List<Section> sections = new ArrayList<>();
        for (Section s : network.sections()) {
            sections.add(s.withCategoryLimits(limits));
        }
        return network.withSections(sections);
    }

    private static CategoryLimit limit(CsvTable.Row row, Network network, Set<String> known) {
        String category = row.required("category").strip();
        if (known.stream().noneMatch(k -> k.equalsIgnoreCase(category))) {
            throw row.error("category", "'" + category + "' is neither a train category nor a train type: " + known);
        }
        Point from = point(row, "from", network);
        Point to = point(row, "to", network);
        double lo = Math.min(from.km(), to.km());
        double hi = Math.max(from.km(), to.km());
        if (!(hi > lo)) {
            throw row.error("to", "must be another point than from");
        }
        // a km range, where given, narrows the stretch (a curve, a town) and must lie within it
        if (row.optional("km_from").isPresent() || row.optional("km_to").isPresent()) {
            double a = row.decimalBetween("km_from", lo, hi);
            double b = row.decimalBetween("km_to", lo, hi);
            if (!(b > a)) {
                throw row.error("km_to", b + " must exceed km_from " + a);
            }
            lo = a;
            hi = b;
        }
        int speed = row.integerBetween("speed_kmh", 10, Network.MAX_SPEED_KMH);
        return new CategoryLimit(category.toUpperCase(Locale.ROOT), lo, hi, speed, row.required("source"));
    }

    private static Point point(CsvTable.Row row, String field, Network network) {
        String code = row.required(field);
        return network.point(code).orElseThrow(() -> row.error(field, "'" + code + "' is not a point of the network"));
    }
}
