package org.lancang.customs;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lancang.data.CsvTable;
import org.lancang.network.Border;
import org.lancang.network.Network;

/**
 * The customs figures read from the network's {@code customs-rules.csv}, each with its source: how long before a train
 * reaches its crossing the advance cargo data is due. A network may have several borders, each with its own customs
 * law: a row with a blank (or no) {@code border} column holds at every border of the network, a row naming a border
 * (its point code in {@code borders.csv}) holds there instead. The legal basis of the usual two hours was not
 * confirmed, which is why it is data rather than code.
 */
public record CustomsRules(Lead everyBorder, Map<String, Lead> byBorder) {
    public static final String FILE = "customs-rules.csv";

    /** The optional column naming the border a row holds at. */
    public static final String BORDER = "border";

    /** The rule when a network has no file: two hours, the time commonly given (unconfirmed). */
    public static final CustomsRules DEFAULT =
            new CustomsRules(new Lead(Duration.ofHours(2), "default: 2 hours (unconfirmed)"), Map.of());

    /** How long before the train reaches its crossing the advance cargo data is due, and where the figure is from. */
    public record Lead(Duration before, String source) {}

    public CustomsRules {
        byBorder = Map.copyOf(byBorder);
    }

    /** The lead at {@code border}: its own row where the file has one, else the network's. */
    public Lead at(Border border) {
        return byBorder.getOrDefault(border.point().code(), everyBorder);
    }

    /** The advance data's lead at {@code border} (see {@link #at}). */
    public Duration advanceDataLead(Border border) {
        return at(border).before();
    }

    /**
     * Reads the file; a border it names must be one of {@code network}'s (refused naming the file, the row and the
     * column), and each border (or every border, blank) may have its rule once.
     */
    public static CustomsRules parse(String text, Network network) {
        CsvTable table = CsvTable.parse(FILE, text, List.of("rule", "value", "unit", "source"));
        List<String> borders =
                network.borders().stream().map(b -> b.point().code()).toList();
        Lead everyBorder = DEFAULT.everyBorder();
        boolean networkRow = false;
        Map<String, Lead> byBorder = new LinkedHashMap<>();
        for (CsvTable.Row row : table.rows()) {
            if (!row.required("rule").equals("advance_data_lead")) {
                throw row.error("rule", "unknown rule (known: advance_data_lead)");
            }
            String border = row.textIfPresent(BORDER).strip();
            if (!border.isEmpty() && !borders.contains(border)) {
                throw row.error(BORDER, "'" + border + "' is no border of the network (borders.csv: " + borders + ")");
            }
            if (!row.required("unit").equals("minutes")) {
                throw row.error("unit", "must be minutes");
            }
            Lead lead =
                    new Lead(Duration.ofMinutes(row.integerBetween("value", 0, 7 * 24 * 60)), row.required("source"));
            if (border.isEmpty()) {
                if (networkRow) {
                    throw row.error(BORDER, "a second advance_data_lead for every border: name the border it holds at");
                }
                networkRow = true;
                everyBorder = lead;
            } else if (byBorder.put(border, lead) != null) {
                throw row.error(BORDER, "a second advance_data_lead for border " + border);
            }
        }
        return new CustomsRules(everyBorder, byBorder);
    }
}
