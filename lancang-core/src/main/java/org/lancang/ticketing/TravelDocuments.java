package org.lancang.ticketing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.lancang.data.CsvTable;
import org.lancang.network.Border;
import org.lancang.network.Country;
import org.lancang.network.Names;
import org.lancang.network.NetworkParser;

/**
 * The travel documents a network accepts, read from its {@code documents.csv}: which serve a journey inside one
 * country and which take a passenger across each border. The documents are data, so a network adds its own (a
 * national ID card at home, a border pass where one applies) without a change here.
 */
public final class TravelDocuments {
    public static final String FILE = "documents.csv";
    private static final List<String> COLUMNS = List.of(
            "code",
            "name_en",
            "name_zh",
            "name_lo",
            "number_pattern",
            "number_check",
            "expiry_required",
            "domestic_in",
            "crosses",
            "source");

    private final List<TravelDocument> documents;

    public TravelDocuments(List<TravelDocument> documents) {
        this.documents = List.copyOf(documents);
    }

    /** Parses the file's text; a bad pattern, check or duplicate code is an error naming its line and column. */
    public static TravelDocuments parse(String text) {
        CsvTable table = CsvTable.parse(FILE, text, COLUMNS);
        List<TravelDocument> out = new ArrayList<>();
        Set<String> codes = new LinkedHashSet<>();
        for (CsvTable.Row row : table.rows()) {
            String code = row.required("code").strip().toUpperCase(Locale.ROOT);
            if (!code.matches("[A-Z][A-Z0-9_]{1,39}")) {
                throw row.error("code", "'" + code + "' is not a code (capital letters, digits, underscores)");
            }
            if (!codes.add(code)) {
                throw row.error("code", "'" + code + "' appears twice");
            }
            out.add(new TravelDocument(
                    code,
                    new Names(
                            row.required("name_en"),
                            row.text("name_zh"),
                            row.text("name_lo"),
                            "",
                            NetworkParser.moreNames(row)),
                    pattern(row),
                    row.oneOf("number_check", NumberCheck.class),
                    Boolean.parseBoolean(row.required("expiry_required").strip()),
                    words(row.text("domestic_in")),
                    words(row.text("crosses")),
                    row.text("source")));
        }
        return new TravelDocuments(out);
    }

    public List<TravelDocument> all() {
        return documents;
    }

    public Optional<TravelDocument> find(String code) {
        return documents.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /**
     * The documents that serve a journey through {@code countries} (the real countries of its stops) across
     * {@code crossed}: with no border, those that serve domestic journeys in every one of the countries; across
     * borders, those that cross every one of them.
     */
    public List<TravelDocument> accepted(List<Country> countries, List<Border> crossed) {
        return documents.stream()
                .filter(d -> crossed.isEmpty()
                        ? countries.stream().allMatch(d::servesDomestic)
                        : crossed.stream().allMatch(d::crosses))
                .toList();
    }

    private static Pattern pattern(CsvTable.Row row) {
        try {
            return Pattern.compile(row.required("number_pattern").strip());
        } catch (PatternSyntaxException e) {
            throw row.error("number_pattern", "is not a regular expression: " + e.getDescription());
        }
    }

    private static Set<String> words(String text) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(t.split("\\s+")));
    }
}
