package org.lancang.freight;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lancang.data.CsvTable;
import org.lancang.network.Network;

/**
 * The equipment pools: how many boxes and wagons of each kind each owner keeps at each station, and the number of
 * every unit. A box gets an ISO 6346 number (owner code, category U, serial, check digit) and a wagon a 12-digit UIC
 * number with its self-check digit, so that every unit a booking is given passes the checks a consignment note makes.
 * The owner codes and serials are Lancang's, not registered BIC codes (the real fleets' numbers are not published).
 */
public final class Pools {
    public static final String FILE = "freight-equipment.csv";

    /** One pool: so many units of a kind of one owner at one station. */
    public record Pool(String station, EquipmentKind kind, String owner, int count, String source) {
        /** The numbers of the pool's units, in order. */
        public List<String> units() {
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                out.add(kind.isBox() ? box(i) : wagon(i));
            }
            return out;
        }

        private String box(int serial) {
            String owner3 =
                    (owner.replaceAll("[^A-Za-z]", "") + "XXX").substring(0, 3).toUpperCase(Locale.ROOT);
            // serial: 2 digits of the station, 1 of the kind, 3 of the unit
            String first = owner3 + "U" + stationDigits() + kind.ordinal() + String.format(Locale.ROOT, "%03d", serial);
            return first + ContainerNumber.checkDigit(first);
        }

        private String wagon(int serial) {
            // 33 = interoperable, fixed gauge (UIC code); 2 digits of the station, 2 of the kind, 5 of the serial
            String first = "33" + stationDigits() + String.format(Locale.ROOT, "%02d%05d", kind.ordinal(), serial);
            return first + WagonNumber.checkDigit(first);
        }

        private String stationDigits() {
            return String.format(Locale.ROOT, "%02d", Math.floorMod(station.hashCode(), 100));
        }
    }

    private Pools() {}

    public static List<Pool> parse(Network network, String text) {
        CsvTable table = CsvTable.parse(FILE, text, List.of("station", "kind", "owner", "count", "source"));
        List<Pool> pools = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String station = row.required("station");
            if (network.point(station).isEmpty()) {
                throw row.error("station", "unknown point");
            }
            pools.add(new Pool(
                    station,
                    row.oneOf("kind", EquipmentKind.class),
                    row.required("owner"),
                    row.integerBetween("count", 0, 999),
                    row.required("source")));
            Set<String> units = new HashSet<>();
            for (Pool p : pools) {
                for (String unit : p.units()) {
                    if (!units.add(unit)) {
                        throw row.error(
                                "station", "unit number " + unit + " is given twice: pick another station code");
                    }
                }
            }
        }
        return List.copyOf(pools);
    }
}
