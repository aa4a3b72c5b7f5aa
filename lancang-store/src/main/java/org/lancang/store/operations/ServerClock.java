package org.lancang.store.operations;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.LongSupplier;
import org.lancang.errors.InvalidInput;

/**
 * The server's "now", which forecasts, feeds and pages take as the present: the system clock, or for demonstrations and
 * tests a start instant given as {@code LANCANG_CLOCK=2026-12-05T12:00+08:00}, optionally running {@code ,60} times faster
 * from there ({@code ,0} stands still).
 */
public final class ServerClock extends Clock {
    public static final String VARIABLE = "LANCANG_CLOCK";

    private final Instant start;
    private final long startedNanos;
    private final double rate;
    private final LongSupplier nanos;

    ServerClock(Instant start, double rate, LongSupplier nanos) {
        this.start = start;
        this.rate = rate;
        this.nanos = nanos;
        this.startedNanos = nanos.getAsLong();
    }

    /** The clock {@code LANCANG_CLOCK} sets, or the system clock when it is not set. */
    public static Clock fromEnvironment() {
        return parse(System.getenv(VARIABLE));
    }

    /** The system clock when {@code value} is empty; else its start and rate. */
    public static Clock parse(String value) {
        if (value == null || value.isBlank()) {
            return Clock.systemUTC();
        }
        String[] parts = value.strip().split(",", 2);
        Instant start;
        try {
            start = OffsetDateTime.parse(parts[0].strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInput(
                    VARIABLE, "'" + parts[0] + "' is not a date and time with its offset, like 2026-12-05T12:00+08:00");
        }
        double rate = 1;
        if (parts.length == 2) {
            try {
                rate = Double.parseDouble(parts[1].strip());
            } catch (NumberFormatException e) {
                rate = -1;
            }
            if (!(rate >= 0 && rate <= 10_000)) {
                throw new InvalidInput(VARIABLE, "the speed-up '" + parts[1] + "' must be a number from 0 to 10000");
            }
        }
        return new ServerClock(start, rate, System::nanoTime);
    }

    /** How many times faster than real time the clock runs (1 for the system clock). */
    public static double rate(Clock clock) {
        return clock instanceof ServerClock s ? s.rate : 1;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        long elapsed = nanos.getAsLong() - startedNanos;
        return start.plusNanos(Math.round(elapsed * rate));
    }
}
