package org.lancang.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The one "today" of every test that books, plans or runs a day, the one way every module's tests get it (as
 * {@link Seeds} is for seeds): the timetables of data/ run from 2026-01-01 to 2027-12-31, so a test that took the real
 * date would fail once that date passed, and would meet a different day (day of the week, timetable change) each day it
 * ran. The instant is 2026-12-05 12:00 in China, 04:00 UTC: the same date, 2026-12-05, in every zone of the networks and
 * of the tests (UTC, UTC+7, UTC+8, Europe), so no test straddles a midnight whichever zone it reads its date in.
 */
public final class TestDates {
    /** The tests' "now", as {@code LANCANG_CLOCK} takes it (the command-line tests set that variable to it). */
    public static final String LANCANG_CLOCK = "2026-12-05T12:00+08:00";

    /** The tests' "now" when the test JVM started. */
    public static final Instant START = OffsetDateTime.parse(LANCANG_CLOCK).toInstant();

    /**
     * The clock of every server under test and of the tests' own "now": it starts at {@link #START} and runs at real
     * speed, as the system clock does, so holds still expire, sessions age and rows keep their order in time.
     */
    public static final Clock CLOCK = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), START));

    private TestDates() {}

    /** The tests' today: 2026-12-05, in every zone. */
    public static LocalDate today() {
        return LocalDate.ofInstant(START, ZoneOffset.UTC);
    }

    /** The date {@code days} after {@link #today()} (a booking "in three days"). */
    public static LocalDate daysAhead(int days) {
        return today().plusDays(days);
    }

    /** The present on {@link #CLOCK}, where a test would take {@code Instant.now()}. */
    public static Instant now() {
        return CLOCK.instant();
    }
}
