package org.lancang.freight;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lancang.data.CsvTable;
import org.lancang.data.DataFiles;
import org.lancang.money.Currencies;
import org.lancang.network.Network;

/** Everything freight reads from a railway's data set, each figure with its source: see the files' own columns. */
public record FreightData(
        List<Slot> slots, FreightRules rules, GoodsCodes codes, Tariffs tariffs, List<Pools.Pool> pools) {
    public static final String SLOTS_FILE = "freight-slots.csv";

    public FreightData {
        slots = List.copyOf(slots);
        pools = List.copyOf(pools);
    }

    /** Reads a network's freight files; the currencies they name must be in {@code currencies}. */
    public static FreightData parse(Network network, Currencies currencies, DataFiles files) {
        return parse(network, currencies, files, GoodsCodes.parse(files.read(GoodsCodes.FILE)));
    }

    /**
     * A network's freight data with the goods codes given: HS codes and UN numbers are world-wide lists, so a network
     * whose folder has no {@value GoodsCodes#FILE} takes another's.
     */
    public static FreightData parse(Network network, Currencies currencies, DataFiles files, GoodsCodes codes) {
        return new FreightData(
                slots(files.read(SLOTS_FILE)),
                FreightRules.parse(network, files.read(FreightRules.FILE), files.read(FreightRules.GRADIENTS_FILE)),
                codes,
                Tariffs.parse(network, currencies, files.read(Tariffs.FILE), files.read(Tariffs.RATES_FILE)),
                Pools.parse(network, files.read(Pools.FILE)));
    }

    public Optional<Slot> slot(String id) {
        return slots.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    private static List<Slot> slots(String text) {
        CsvTable table = CsvTable.parse(
                SLOTS_FILE,
                text,
                List.of("id", "name", "train", "days", "wagons", "teu", "cutoff_hours", "dangerous_goods", "source"));
        List<Slot> out = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            if (!row.required("days").equals("daily")) {
                throw row.error("days", "only daily slots are known (the train's own calendar decides the dates)");
            }
            String dg = row.required("dangerous_goods");
            if (!dg.equals("true") && !dg.equals("false")) {
                throw row.error("dangerous_goods", "must be true or false");
            }
            out.add(new Slot(
                    row.required("id"),
                    row.required("name"),
                    row.required("train"),
                    row.integerBetween("wagons", 1, 200),
                    row.integerBetween("teu", 0, 400),
                    Duration.ofHours(row.integerBetween("cutoff_hours", 0, 720)),
                    Boolean.parseBoolean(dg),
                    row.required("source")));
        }
        return out;
    }
}
