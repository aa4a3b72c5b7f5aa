package org.lancang.freight;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lancang.data.CsvTable;
import org.lancang.errors.FieldError;
import org.lancang.errors.InvalidInput;

/**
 * The goods codes a consignment note may carry: HS subheadings (six digits of the Harmonized System) and UN numbers of
 * dangerous goods with their class and packing group, as listed in the data with their source. A code outside the
 * list is refused: Lancang does not guess what an unknown code means.
 */
public final class GoodsCodes {
    public static final String FILE = "freight-codes.csv";

    /** A dangerous good's UN number, its class and its packing group (empty when the class has none). */
    public record DangerousGood(String unNumber, String description, String hazardClass, String packingGroup) {}

    private final Map<String, String> hs;
    private final Map<String, DangerousGood> un;

    private GoodsCodes(Map<String, String> hs, Map<String, DangerousGood> un) {
        this.hs = hs;
        this.un = un;
    }

    public static GoodsCodes parse(String text) {
        CsvTable table =
                CsvTable.parse(FILE, text, List.of("kind", "code", "description", "class", "packing_group", "source"));
        Map<String, String> hs = new LinkedHashMap<>();
        Map<String, DangerousGood> un = new LinkedHashMap<>();
        for (CsvTable.Row row : table.rows()) {
            row.required("source");
            String code = row.required("code");
            switch (row.required("kind")) {
                case "HS" -> {
                    if (!code.matches("[0-9]{6}")) {
                        throw row.error("code", "an HS subheading has six digits");
                    }
                    hs.put(code, row.required("description"));
                }
                case "UN" -> {
                    if (!code.matches("[0-9]{4}")) {
                        throw row.error("code", "a UN number has four digits");
                    }
                    un.put(
                            code,
                            new DangerousGood(
                                    code,
                                    row.required("description"),
                                    row.required("class"),
                                    row.text("packing_group")));
                }
                default -> throw row.error("kind", "must be HS or UN");
            }
        }
        return new GoodsCodes(Map.copyOf(hs), Map.copyOf(un));
    }

    /** The HS code's description, or {@link InvalidInput} naming {@code field}. */
    public String hs(String code, String field) {
        String c = code == null ? "" : code.replace(".", "").strip();
        if (!c.matches("[0-9]{6}")) {
            throw refused(field, "'" + code + "' is not an HS subheading (six digits, like 0810.60)", "hs-format");
        }
        String description = hs.get(c);
        if (description == null) {
            throw refused(field, "HS " + code + " is not a goods code Lancang knows", "hs-unknown");
        }
        return description;
    }

    /** The dangerous good of the UN number, or {@link InvalidInput} naming {@code field}. */
    public DangerousGood un(String number, String field) {
        String n = number == null ? "" : number.replace("UN", "").strip();
        return Optional.ofNullable(un.get(n))
                .orElseThrow(() -> refused(field, "'" + number + "' is not a UN number Lancang knows", "un-unknown"));
    }

    public Map<String, String> hsCodes() {
        return hs;
    }

    public Map<String, DangerousGood> unNumbers() {
        return un;
    }

    private static InvalidInput refused(String field, String message, String code) {
        return new InvalidInput(List.of(new FieldError(field, message, code)));
    }
}
