package org.lancang.timetable.change;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.lancang.errors.Validation;
import org.lancang.timetable.ServiceCalendar;

/**
 * The service dates a change holds for: every listed weekday from {@code from} to {@code to}, both included. One date
 * is a scope whose ends are the same day. A scope spans at most {@link #MAX_DAYS} days: a change for longer is a new
 * timetable, built with {@code lancang timetable build}.
 */
public record ChangeScope(LocalDate from, LocalDate to, Set<DayOfWeek> days) {
    public static final int MAX_DAYS = 366;

    public ChangeScope {
        Validation v = new Validation();
        v.check(from != null, "scope.from", "is required (YYYY-MM-DD)", "required");
        v.check(to != null, "scope.to", "is required (YYYY-MM-DD)", "required");
        v.check(days != null && !days.isEmpty(), "scope.days", "needs at least one weekday", "scope-no-weekday");
        if (from != null && to != null) {
            v.check(!to.isBefore(from), "scope.to", "must not be before scope.from", "scope-ends-before-start");
            v.check(
                    ChronoUnit.DAYS.between(from, to) < MAX_DAYS,
                    "scope.to",
                    "a scope spans at most 366 days",
                    "scope-too-long");
        }
        v.throwIfInvalid();
        days = Set.copyOf(EnumSet.copyOf(days));
        if (dates(from, to, days).isEmpty()) {
            new Validation()
                    .add("scope.days", "no date of the range falls on these weekdays")
                    .throwIfInvalid();
        }
    }

    /** The scope of one service date. */
    public static ChangeScope on(LocalDate date) {
        return new ChangeScope(date, date, EnumSet.allOf(DayOfWeek.class));
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to) && days.contains(date.getDayOfWeek());
    }

    /** Every date of the scope, in order. */
    public List<LocalDate> dates() {
        return dates(from, to, days);
    }

    public boolean oneDate() {
        return from.equals(to);
    }

    /** The calendar of a train that runs only in this scope (a train added by a change). */
    public ServiceCalendar calendar() {
        return new ServiceCalendar(from, to, days);
    }

    private static List<LocalDate> dates(LocalDate from, LocalDate to, Set<DayOfWeek> days) {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (days.contains(d.getDayOfWeek())) {
                out.add(d);
            }
        }
        return out;
    }
}
