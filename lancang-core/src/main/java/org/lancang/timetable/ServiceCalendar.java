package org.lancang.timetable;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** The days a train runs: every listed weekday between two dates, both included. */
public record ServiceCalendar(LocalDate startDate, LocalDate endDate, Set<DayOfWeek> days) {
    public ServiceCalendar {
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
        if (endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("endDate " + endDate + " is before startDate " + startDate);
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("days: a calendar needs at least one weekday");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    public static ServiceCalendar daily(LocalDate startDate, LocalDate endDate) {
        return new ServiceCalendar(startDate, endDate, EnumSet.allOf(DayOfWeek.class));
    }

    /**
     * The same runs counted {@code days} days later (earlier if negative): each date and weekday moved, as when a
     * train's days are counted in another zone's days.
     */
    public ServiceCalendar plusDays(long days) {
        Set<DayOfWeek> moved = EnumSet.noneOf(DayOfWeek.class);
        this.days.forEach(d -> moved.add(d.plus(days)));
        return new ServiceCalendar(startDate.plusDays(days), endDate.plusDays(days), moved);
    }

    public boolean runsOn(LocalDate date) {
        return !date.isBefore(startDate) && !date.isAfter(endDate) && days.contains(date.getDayOfWeek());
    }
}
