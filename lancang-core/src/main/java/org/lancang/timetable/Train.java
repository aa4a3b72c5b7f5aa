package org.lancang.timetable;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A timetabled train: its number, operator, train type, the days it runs, and its calls at every point of its path in
 * order (stops and passing points).
 *
 * @param originZone the zone whose midnight the call offsets count from (the zone of the first call's point)
 * @param passenger  whether it carries passengers (and so appears in GTFS and is sold)
 */
public record Train(
        String number,
        Operator operator,
        String trainType,
        boolean passenger,
        ServiceCalendar calendar,
        ZoneId originZone,
        List<Call> calls) {
    public Train {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(originZone, "originZone");
        calls = List.copyOf(calls);
        if (calls.size() < 2) {
            throw new IllegalArgumentException("calls: train " + number + " needs at least two calls");
        }
        for (int i = 1; i < calls.size(); i++) {
            if (calls.get(i).arrival().compareTo(calls.get(i - 1).departure()) < 0) {
                throw new IllegalArgumentException(
                        "calls: train " + number + " arrives at " + calls.get(i).pointCode() + " before it leaves "
                                + calls.get(i - 1).pointCode());
            }
        }
    }

    public Call first() {
        return calls.get(0);
    }

    public Call last() {
        return calls.get(calls.size() - 1);
    }

    /** Only the calls where the train stops. */
    public List<Call> stops() {
        return calls.stream().filter(Call::stops).toList();
    }

    /** The instant of an offset on a service date. */
    public Instant at(LocalDate serviceDate, Duration offset) {
        return serviceDate.atStartOfDay(originZone).toInstant().plus(offset);
    }
}
