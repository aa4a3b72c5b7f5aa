package org.lancang.timetable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lancang.data.CsvTable;
import org.lancang.data.DataFileException;
import org.lancang.network.Country;
import org.lancang.network.Network;

/**
 * A network's operators, read from {@value #FILE}: who runs trains (and sells their tickets) in which country. Who
 * manages the infrastructure of a country's part is a fact of the country ({@code countries.csv}), and that manager
 * must be listed here too; a country where trains are sold has one operator charging for its part of a journey (the
 * first listed that runs trains there).
 */
public final class Operators {
    public static final String FILE = "operators.csv";

    private static final List<String> COLUMNS =
            List.of("code", "name_en", "name_zh", "name_lo", "url", "runs_trains_in", "sales_days_ahead", "source");

    private final Map<String, Operator> byCode;

    public Operators(List<Operator> operators) {
        Map<String, Operator> map = new LinkedHashMap<>();
        for (Operator o : operators) {
            if (map.put(o.code(), o) != null) {
                throw new IllegalArgumentException("operator " + o.code() + " appears twice");
            }
        }
        this.byCode = map;
    }

    /** Reads {@value #FILE} (its contents), checking every country code against the network's countries. */
    public static Operators parse(String file, String text, Network network) {
        List<Operator> list = new ArrayList<>();
        for (CsvTable.Row row : CsvTable.parse(file, text, COLUMNS).rows()) {
            Operator o;
            try {
                o = new Operator(
                        row.required("code"),
                        row.required("name_en"),
                        row.text("name_zh"),
                        row.text("name_lo"),
                        row.text("url"),
                        countries(row, "runs_trains_in", network),
                        managedBy(row.required("code"), network),
                        row.optional("sales_days_ahead").isPresent()
                                ? row.integerBetween("sales_days_ahead", 0, 366)
                                : 0,
                        row.text("source"));
            } catch (IllegalArgumentException e) {
                throw row.error("code", e.getMessage());
            }
            if (list.stream().anyMatch(x -> x.equals(o))) {
                throw row.error("code", "'" + o.code() + "' appears twice");
            }
            list.add(o);
        }
        for (Country c : network.countries()) {
            if (list.stream().noneMatch(o -> o.code().equals(c.infrastructureManager()))) {
                throw new DataFileException(
                        file,
                        1,
                        "code",
                        "the infrastructure manager of " + c.code() + " (" + c.infrastructureManager()
                                + ", countries.csv) is not listed");
            }
        }
        return new Operators(list);
    }

    private static List<String> managedBy(String code, Network network) {
        return network.countries().stream()
                .filter(c -> c.infrastructureManager().equalsIgnoreCase(code.strip()))
                .map(Country::code)
                .toList();
    }

    private static List<String> countries(CsvTable.Row row, String field, Network network) {
        List<String> out = new ArrayList<>();
        for (String code : row.text(field).split(";")) {
            String c = code.strip().toUpperCase(Locale.ROOT);
            if (c.isEmpty()) {
                continue;
            }
            if (network.country(c).filter(x -> !x.isShared()).isEmpty()) {
                throw row.error(field, "'" + c + "' is not a country of the network " + network.countries());
            }
            out.add(c);
        }
        return List.copyOf(out);
    }

    public List<Operator> all() {
        return List.copyOf(byCode.values());
    }

    /** The operator with this code, in full. */
    public Optional<Operator> byCode(String code) {
        return code == null
                ? Optional.empty()
                : Optional.ofNullable(byCode.get(code.strip().toUpperCase(Locale.ROOT)));
    }

    /** The full value of an operator known only by its code, or the value itself when it is not listed. */
    public Operator resolve(Operator operator) {
        return byCode.getOrDefault(operator.code(), operator);
    }

    /** The operator that charges for the part of a journey in this country: the first that runs trains there. */
    public Optional<Operator> chargingIn(Country country) {
        return byCode.values().stream()
                .filter(o -> o.runsTrainsIn().contains(country.code()))
                .findFirst();
    }

    /** The infrastructure manager of this country's part of the line. */
    public Optional<Operator> managing(Country country) {
        return byCode(country.infrastructureManager());
    }

    /** The codes, for error messages. */
    public String codes() {
        return Arrays.toString(byCode.keySet().toArray());
    }
}
