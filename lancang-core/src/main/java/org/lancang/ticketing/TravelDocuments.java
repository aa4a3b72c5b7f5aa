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
import org.lancang.data.DataFiles;
import org.lancang.network.Border;
import org.lancang.network.Country;
import org.lancang.network.Names;
import org.lancang.network.Network;
import org.lancang.network.NetworkParser;
import org.lancang.network.Point;

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

    /**
     * The rule of a network folder without {@value #FILE} (a test network, a folder not yet described): a passport
     * takes a passenger across any border and serves any domestic journey, and a national ID card serves a domestic
     * journey anywhere; both numbers 5–20 letters or digits, the passport's expiry required. ASSUMPTION: the common
     * rule of the railways Lancang serves, kept as Lancang checked it before the documents became data.
     */
    private static final String FALLBACK = """
            code,name_en,name_zh,name_lo,name_th,number_pattern,number_check,expiry_required,domestic_in,crosses,source
            PASSPORT,Passport,护照,ໜັງສືຜ່ານແດນ,หนังสือเดินทาง,"[A-Za-z0-9]{5,20}",NONE,true,*,*,"ASSUMPTION: the fallback \
            of a network folder without documents.csv"
            NATIONAL_ID_CARD,National ID card,身份证,ບັດປະຈຳຕົວ,บัตรประจำตัวประชาชน,"[A-Za-z0-9]{5,20}",NONE,false,*,,\
            "ASSUMPTION: the fallback of a network folder without documents.csv (domestic journeys only)"
            """;

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
                    issuedBy(row),
                    row.text("source")));
        }
        return new TravelDocuments(out);
    }

    /** The documents of a network's folder: its {@value #FILE}, or {@link #fallback()} where it has none. */
    public static TravelDocuments of(DataFiles files) {
        return files.has(FILE) ? parse(files.read(FILE)) : fallback();
    }

    /** The rule of a folder without {@value #FILE}: a passport anywhere, a national ID card on a domestic journey. */
    public static TravelDocuments fallback() {
        return parse(FALLBACK);
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

    /**
     * The documents that serve a journey along {@code path} (points of {@code network} in travel order: every point
     * passed, or only the stops): the countries of its points and the borders it crosses decide.
     */
    public JourneyDocuments forJourney(Network network, List<Point> path) {
        List<Country> countries = path.stream()
                .map(Point::country)
                .filter(c -> !c.isShared()) // the pair at a border point: its two sides are the path's on either hand
                .distinct()
                .toList();
        List<Border> crossed = network.bordersCrossed(path);
        return new JourneyDocuments(this, accepted(countries, crossed), crossed);
    }

    /** The optional {@code issued_by} column: a country code (two capitals) or blank. */
    private static String issuedBy(CsvTable.Row row) {
        String country = row.textIfPresent("issued_by");
        String code = country == null ? "" : country.strip();
        if (!code.isEmpty() && !code.matches("[A-Z]{2}")) {
            throw row.error("issued_by", "'" + code + "' is not a country code (two capitals, as countries.csv)");
        }
        return code;
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
