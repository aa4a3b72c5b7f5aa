package org.lancang.freight;

import java.time.Duration;
import java.util.Objects;

/**
 * A slot of the catalogue: room on a freight path published ahead (the branded Lancang–Mekong Express runs and the
 * regular freight paths), bookable per date until its cut-off. The path itself is a train of the timetable: where it
 * leaves and arrives, and when, is read from the timetable for each date, never copied here.
 *
 * @param train          the number of the timetable's train that carries the slot
 * @param wagons         wagons the slot offers on each date
 * @param teu            twenty-foot equivalent units it offers (boxes on container flats)
 * @param cutOff         how long before departure booking closes
 * @param dangerousGoods whether dangerous goods are accepted on it
 */
public record Slot(
        String id,
        String name,
        String train,
        int wagons,
        int teu,
        Duration cutOff,
        boolean dangerousGoods,
        String source) {
    public Slot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(cutOff, "cutOff");
    }
}
