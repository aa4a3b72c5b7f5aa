package org.lancang.rollingstock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lancang.data.CsvTable;
import org.lancang.data.DataFiles;

/**
 * Reads the train types from {@value #TYPES}, {@value #TRACTION} and {@value #CARS}, checking that every figure is
 * physically sane and that each car's seat count matches its layout.
 */
public final class RollingStockParser {
    public static final String TYPES = "train-types.csv";
    public static final String TRACTION = "traction-curves.csv";
    public static final String CARS = "cars.csv";

    private static final List<String> TYPE_COLUMNS = List.of(
            "code",
            "name",
            "category",
            "consist",
            "mass_t",
            "rotating_mass_factor",
            "length_m",
            "max_speed_kmh",
            "davis_a_kn",
            "davis_b_kn_per_kmh",
            "davis_c_kn_per_kmh2",
            "braking_mps2",
            "max_power_kw",
            "start_supplement_s",
            "stop_supplement_s",
            "allowance_percent",
            "running_time_basis",
            "source",
            "assumptions");
    private static final List<String> TRACTION_COLUMNS = List.of("train_type", "speed_kmh", "effort_kn", "source");
    private static final List<String> CAR_COLUMNS =
            List.of("train_type", "car", "kind", "class", "rows", "layout", "missing_seats", "seats", "source");

    private RollingStockParser() {}

    public static RollingStock parse(DataFiles files) {
        CsvTable typeTable = CsvTable.parse(TYPES, files.read(TYPES), TYPE_COLUMNS);
        CsvTable tractionTable = CsvTable.parse(TRACTION, files.read(TRACTION), TRACTION_COLUMNS);
        CsvTable carTable = CsvTable.parse(CARS, files.read(CARS), CAR_COLUMNS);

        Map<String, CsvTable.Row> typeRows = new LinkedHashMap<>();
        for (CsvTable.Row row : typeTable.rows()) {
            String code = row.required("code");
            if (!code.matches("[A-Z][A-Z0-9_]{1,15}")) {
                throw row.error("code", "'" + code + "' is not 2–16 capital letters, digits or underscores");
            }
            if (typeRows.put(code, row) != null) {
                throw row.error("code", "'" + code + "' appears twice");
            }
        }
        Map<String, List<TractionPoint>> curves = tractionCurves(tractionTable, typeRows);
        Map<String, List<Car>> cars = cars(carTable, typeRows);

        List<TrainType> types = new ArrayList<>();
        for (Map.Entry<String, CsvTable.Row> e : typeRows.entrySet()) {
            types.add(trainType(
                    e.getValue(),
                    curves.getOrDefault(e.getKey(), List.of()),
                    cars.getOrDefault(e.getKey(), List.of())));
        }
        return new RollingStock(types);
    }

    private static TrainType trainType(CsvTable.Row row, List<TractionPoint> curve, List<Car> cars) {
        String code = row.required("code");
        int maxSpeed = row.integerBetween("max_speed_kmh", 10, 400);
        if (curve.size() < 2) {
            throw row.error(
                    "code", "train type " + code + " needs a traction curve of at least two points in " + TRACTION);
        }
        if (curve.get(0).speedKmh() != 0 || curve.get(curve.size() - 1).speedKmh() < maxSpeed) {
            throw row.error(
                    "max_speed_kmh", "the traction curve of " + code + " must run from 0 to " + maxSpeed + " km/h");
        }
        if (cars.isEmpty()) {
            throw row.error("code", "train type " + code + " has no cars in " + CARS);
        }
        return new TrainType(
                code,
                row.required("name"),
                row.oneOf("category", TrainCategory.class),
                row.text("consist"),
                row.decimalBetween("mass_t", 10, 20_000),
                row.decimalBetween("rotating_mass_factor", 1.0, 1.5),
                row.decimalBetween("length_m", 10, 2_000),
                maxSpeed,
                row.decimalBetween("davis_a_kn", 0, 500),
                row.decimalBetween("davis_b_kn_per_kmh", 0, 50),
                row.decimalBetween("davis_c_kn_per_kmh2", 0, 1),
                row.decimalBetween("braking_mps2", 0.05, 2.0),
                row.decimalBetween("max_power_kw", 100, 50_000),
                curve,
                cars,
                new TimetableSupplements(
                        Duration.ofSeconds(row.integerBetween("start_supplement_s", 0, 3600)),
                        Duration.ofSeconds(row.integerBetween("stop_supplement_s", 0, 3600)),
                        row.decimalBetween("allowance_percent", 0, 50),
                        row.text("running_time_basis")),
                row.text("source"),
                row.text("assumptions"),
                row.integerBetween("gauge_mm", 500, 2_000),
                row.oneOf("traction", Traction.class));
    }

    private static Map<String, List<TractionPoint>> tractionCurves(CsvTable table, Map<String, CsvTable.Row> types) {
        Map<String, List<TractionPoint>> curves = new LinkedHashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String type = knownType(row, types);
            List<TractionPoint> curve = curves.computeIfAbsent(type, k -> new ArrayList<>());
            TractionPoint p = new TractionPoint(
                    row.decimalBetween("speed_kmh", 0, 400), row.decimalBetween("effort_kn", 0, 2_000));
            if (!curve.isEmpty()) {
                TractionPoint previous = curve.get(curve.size() - 1);
                if (!(p.speedKmh() > previous.speedKmh())) {
                    throw row.error("speed_kmh", "speeds of a traction curve must increase");
                }
                if (p.effortKn() > previous.effortKn()) {
                    throw row.error("effort_kn", "tractive effort must not rise with speed");
                }
            }
            curve.add(p);
        }
        return curves;
    }

    private static Map<String, List<Car>> cars(CsvTable table, Map<String, CsvTable.Row> types) {
        Map<String, List<Car>> cars = new LinkedHashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String type = knownType(row, types);
            List<Car> formation = cars.computeIfAbsent(type, k -> new ArrayList<>());
            int number = row.integer("car");
            if (number != formation.size() + 1) {
                throw row.error(
                        "car",
                        "cars of " + type + " must be numbered 1, 2, 3 … in order; expected " + (formation.size() + 1));
            }
            CarKind kind = row.oneOf("kind", CarKind.class);
            int rows = row.integerBetween("rows", 0, 40);
            String layout = row.text("layout");
            int declared = row.integerBetween("seats", 0, 200);
            boolean seated = kind == CarKind.SEATING || kind == CarKind.SLEEPER || (rows > 0 && kind == CarKind.DINING);
            SeatClass seatClass = null;
            List<Seat> seats = List.of();
            if (seated && rows > 0) {
                seatClass = row.oneOf("class", SeatClass.class);
                if (!layout.matches("[A-Z]+\\|[A-Z]+")) {
                    throw row.error(
                            "layout", "'" + layout + "' is not seat letters with one '|' for the aisle (e.g. ABC|DF)");
                }
                List<String> missing = row.optional("missing_seats")
                        .map(s -> Arrays.stream(s.split(";"))
                                .map(String::strip)
                                .filter(x -> !x.isEmpty())
                                .toList())
                        .orElse(List.of());
                seats = Car.expandLayout(number, seatClass, rows, layout, missing);
                int expected = rows * layout.replace("|", "").length() - missing.size();
                if (seats.size() != expected) {
                    throw row.error("missing_seats", "names a seat that the layout does not have");
                }
            } else if (rows > 0) {
                throw row.error("rows", "a " + kind + " has no seat rows");
            }
            if (seats.size() != declared) {
                throw row.error("seats", declared + " declared, but the layout gives " + seats.size());
            }
            formation.add(new Car(number, kind, seatClass, seats, row.text("source")));
        }
        return cars;
    }

    private static String knownType(CsvTable.Row row, Map<String, CsvTable.Row> types) {
        String type = row.required("train_type");
        if (!types.containsKey(type)) {
            throw row.error("train_type", "'" + type + "' is not a train type in " + TYPES);
        }
        return type;
    }
}
