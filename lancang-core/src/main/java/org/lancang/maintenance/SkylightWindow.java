package org.lancang.maintenance;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A recurring skylight (天窗): the line from {@code fromPoint} to {@code toPoint} (a single station when both are the
 * same) closed every week on {@code days}, from {@code start} for {@code duration}. Not checked here:
 * {@link SkylightPlanner#check} refuses a window that cannot be and warns about one that breaks the rules.
 *
 * @param start       local time of the start, in the time zone of {@code fromPoint} (Boten 00:30 is Lao time)
 * @param days        the days of week an occurrence starts on (in that zone)
 * @param description free text carried into each occurrence; may be blank
 */
public record SkylightWindow(
        String id,
        String fromPoint,
        String toPoint,
        Set<DayOfWeek> days,
        LocalTime start,
        Duration duration,
        SkylightKind kind,
        SkylightPurpose purpose,
        String description) {
    public SkylightWindow {
        EnumSet<DayOfWeek> copy = EnumSet.noneOf(DayOfWeek.class);
        if (days != null) {
            days.stream().filter(Objects::nonNull).forEach(copy::add);
        }
        days = Collections.unmodifiableSet(copy);
        description = description == null ? "" : description.strip();
    }

    /** Every day of the week: the nightly window of a busy line. */
    public static Set<DayOfWeek> daily() {
        return EnumSet.allOf(DayOfWeek.class);
    }
}
