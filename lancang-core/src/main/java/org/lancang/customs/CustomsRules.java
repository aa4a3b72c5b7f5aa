package org.lancang.customs;

import java.time.Duration;
import java.util.List;
import org.lancang.data.CsvTable;

/**
 * The customs figures read from the network's {@code customs-rules.csv}, each with its source: how long before a train
 * reaches its crossing the advance cargo data is due. The legal basis of the usual two hours was not confirmed, which
 * is why it is data rather than code.
 */
public record CustomsRules(Duration advanceDataLead, String source) {
    public static final String FILE = "customs-rules.csv";

    /** The rule when a network has no file: two hours, the time commonly given (unconfirmed). */
    public static final CustomsRules DEFAULT = new CustomsRules(Duration.ofHours(2), "default: 2 hours (unconfirmed)");

    public static CustomsRules parse(String text) {
        CsvTable table = CsvTable.parse(FILE, text, List.of("rule", "value", "unit", "source"));
        Duration lead = DEFAULT.advanceDataLead();
        String source = DEFAULT.source();
        for (CsvTable.Row row : table.rows()) {
            if (row.required("rule").equals("advance_data_lead")) {
                if (!row.required("unit").equals("minutes")) {
                    throw row.error("unit", "must be minutes");
                }
                lead = Duration.ofMinutes(row.integerBetween("value", 0, 7 * 24 * 60));
                source = row.required("source");
            } else {
                throw row.error("rule", "unknown rule (known: advance_data_lead)");
            }
        }
        return new CustomsRules(lead, source);
    }
}
