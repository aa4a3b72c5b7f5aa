package org.lancang.timetable;

import java.util.List;
import java.util.Optional;

/** Every timetabled train. */
public record Timetable(List<Train> trains) {
    public Timetable {
        trains = List.copyOf(trains);
    }

    public Optional<Train> train(String number) {
        return trains.stream().filter(t -> t.number().equalsIgnoreCase(number)).findFirst();
    }
}
