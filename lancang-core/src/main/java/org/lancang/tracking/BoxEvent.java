package org.lancang.tracking;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A step of a unit of a consignment: unit {@code unit} of booking {@code bookingId} went through {@code type} at
 * {@code location} at {@code at}; {@code train} and {@code serviceDate} when it was on a train.
 */
public record BoxEvent(
        String bookingId,
        String unit,
        BoxEventType type,
        String location,
        Instant at,
        String train,
        LocalDate serviceDate) {

    /** The fact's identity: consignment, unit, step and place (a step happens once at a place). */
    public String key() {
        return bookingId + "/" + unit + "/" + type + "/" + location;
    }

    /** A stable id of the fact: reported twice or derived again, it is the same event. */
    public UUID eventId() {
        return UUID.nameUUIDFromBytes(("lancang-tracking:" + key()).getBytes(StandardCharsets.UTF_8));
    }
}
