package org.lancang.maintenance;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.Validation;
import org.lancang.network.Line;
import org.lancang.network.Network;
import org.lancang.network.Point;
import org.lancang.network.Section;
import org.lancang.timetable.Possession;

/**
 * Checks skylight windows against the line and the rules, and turns them into dated {@link Possession}s for the
 * timetable.
 *
 * <p>Errors ({@link InvalidInput}) are windows that cannot exist: unknown points, no days, a duration of 24 h or more
 * (it would run into its own next occurrence), occurrences that overlap each other, ONE_TRACK where a section of the
 * range is single track. Warnings ({@link SkylightWarning}) are windows that can run but break a rule of
 * {@link MaintenanceRules}: shorter than the minimum (maintenance on double track when any section of the range is
 * double, since that part needs the longer window), or a section getting too few skylights in a month.
 */
public final class SkylightPlanner {
    /** Longest date range {@link #occurrences} expands, so a typo in a year cannot produce a million possessions. */
    public static final int MAX_OCCURRENCE_DAYS = 731;

    private static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9_-]{0,39}";
    private static final Duration DAY = Duration.ofHours(24);

    private final Network network;
    private final MaintenanceRules rules;

    public SkylightPlanner(Network network, MaintenanceRules rules) {
        this.network = Objects.requireNonNull(network, "network");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** The window's warnings; {@link InvalidInput} naming every wrong field if it cannot exist. */
    public List<SkylightWarning> check(SkylightWindow window) {
        Validation v = new Validation();
        List<SkylightWarning> warnings = new ArrayList<>();
        check(v, window, "", warnings);
        v.throwIfInvalid();
        return List.copyOf(warnings);
    }

    /**
     * A month's skylight plan: every window's own check (errors name {@code windows[i].field}), then a
     * {@link SkylightWarning.Code#TOO_FEW_PER_MONTH} warning for each section of the line that gets fewer occurrences
     * starting in the month (in each window's own time zone) than the rule asks. A window counts for every section it
     * closes, VERTICAL or ONE_TRACK; a window on a single station closes no section.
     */
    public List<SkylightWarning> review(List<SkylightWindow> windows, YearMonth month) {
        if (month == null) {
            throw new InvalidInput("month", "is required");
        }
        Validation v = new Validation();
        List<SkylightWarning> warnings = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < windows.size(); i++) {
            SkylightWindow w = windows.get(i);
            check(v, w, "windows[" + i + "].", warnings);
            if (w.id() != null && !ids.add(w.id())) {
                v.add("windows[" + i + "].id", "'" + w.id() + "' appears twice: occurrence ids would clash");
            }
        }
        v.throwIfInvalid();
        List<Section> sections = network.sections();
        int[] counts = new int[sections.size()];
        for (SkylightWindow w : windows) {
            Point a = network.point(w.fromPoint()).orElseThrow();
            Point b = network.point(w.toPoint()).orElseThrow();
            int n = occurrences(w, month.atDay(1), month.atEndOfMonth()).size();
            if (a != b) { // a window on a single station closes no section
                for (Section closed : sectionsOf(a, b)) {
                    counts[sections.indexOf(closed)] += n;
                }
            }
        }
        for (int s = 0; s < sections.size(); s++) {
            if (counts[s] < rules.minSkylightsPerMonth()) {
                Section section = sections.get(s);
                warnings.add(new SkylightWarning(
                        SkylightWarning.Code.TOO_FEW_PER_MONTH,
                        section.from() + "-" + section.to(),
                        "days",
                        section.from() + "–" + section.to() + " gets "
                                + counts[s] + " skylight(s) in " + month + ", fewer than the "
                                + rules.minSkylightsPerMonth()
                                + " a month the rule asks"));
            }
        }
        return List.copyOf(warnings);
    }

    /**
     * The window's occurrences starting on the local dates {@code fromDate} … {@code toDate} (both included, in the
     * zone of its from point), as possessions with ids {@code SKY-<id>-<date>}. A ONE_TRACK window becomes a possession
     * of its whole range: {@link Possession} has no track, so the timetable treats it, safely, as closing both.
     */
    public List<Possession> occurrences(SkylightWindow window, LocalDate fromDate, LocalDate toDate) {
        check(window);
        Validation v = new Validation();
        v.check(fromDate != null, "fromDate", "is required");
        v.check(toDate != null, "toDate", "is required");
        if (fromDate != null && toDate != null) {
            long days = ChronoUnit.DAYS.between(fromDate, toDate);
            v.check(days >= 0, "toDate", "must not be before fromDate (" + fromDate + ")");
            v.check(days < MAX_OCCURRENCE_DAYS, "toDate", "at most " + MAX_OCCURRENCE_DAYS + " days at a time");
        }
        v.throwIfInvalid();
        Point from = network.point(window.fromPoint()).orElseThrow();
        Point to = network.point(window.toPoint()).orElseThrow();
        ZoneId zone = from.timeZone();
        String description = description(window, from, to);
        List<Possession> out = new ArrayList<>();
        for (LocalDate d = fromDate; !d.isAfter(toDate); d = d.plusDays(1)) {
            if (window.days().contains(d.getDayOfWeek())) {
                Instant start = d.atTime(window.start()).atZone(zone).toInstant();
                out.add(new Possession(
                        "SKY-" + window.id() + "-" + d,
                        from.code(),
                        to.code(),
                        start,
                        start.plus(window.duration()),
                        description));
            }
        }
        return out;
    }

    /**
     * Every occurrence of every window starting on the local dates {@code fromDate} … {@code toDate}, in order of start
     * (then id): the possessions a skylight plan holds against the timetable.
     */
    public List<Possession> occurrences(List<SkylightWindow> windows, LocalDate fromDate, LocalDate toDate) {
        List<Possession> out = new ArrayList<>();
        for (SkylightWindow w : windows) {
            out.addAll(occurrences(w, fromDate, toDate));
        }
        out.sort(Comparator.comparing(Possession::start).thenComparing(Possession::id));
        return out;
    }

    /** The occurrences that reach into a service day: those starting the local day before, on, and after it. */
    public List<Possession> reachingInto(List<SkylightWindow> windows, LocalDate date) {
        return occurrences(windows, date.minusDays(1), date.plusDays(1));
    }

    private void check(Validation v, SkylightWindow w, String prefix, List<SkylightWarning> warnings) {
        if (Texts.blank(w.id())) {
            v.add(prefix + "id", "is required");
        } else {
            v.check(
                    w.id().matches(ID_PATTERN),
                    prefix + "id",
                    "'" + w.id() + "' must be 1–40 letters, digits, "
                            + "'-' or '_' (it becomes part of each occurrence's id)");
        }
        Optional<Point> from = point(v, w.fromPoint(), prefix + "fromPoint");
        Optional<Point> to = point(v, w.toPoint(), prefix + "toPoint");
        v.check(!w.days().isEmpty(), prefix + "days", "at least one day of the week is required");
        v.check(w.start() != null, prefix + "start", "is required");
        boolean durationOk = checkDuration(v, w, prefix);
        if (durationOk && !w.days().isEmpty()) {
            checkRecurrence(v, w, prefix);
        }
        v.check(w.kind() != null, prefix + "kind", "is required");
        v.check(w.purpose() != null, prefix + "purpose", "is required");
        Texts.optional(v, w.description(), prefix + "description", 500);
        if (from.isEmpty() || to.isEmpty()) {
            return;
        }
        if (from.get() == to.get() && !from.get().canHoldTrains()) {
            v.add(
                    prefix + "toPoint",
                    from.get().code() + " has no station tracks: a window on a single point needs a " + "station");
            return;
        }
        if (network.lineHolding(from.get().code(), to.get().code()).isEmpty()) {
            v.add(
                    prefix + "toPoint",
                    from.get().code() + " and " + to.get().code()
                            + " lie on no one line: a window closes a stretch of one line (split it at the junction)");
            return;
        }
        List<Section> closed = sectionsOf(from.get(), to.get());
        boolean anySingle = closed.stream().anyMatch(Section::isSingleTrack);
        boolean anyDouble = closed.stream().anyMatch(s -> !s.isSingleTrack());
        if (w.kind() == SkylightKind.ONE_TRACK && anySingle) {
            Section single =
                    closed.stream().filter(Section::isSingleTrack).findFirst().orElseThrow();
            v.add(
                    prefix + "kind",
                    "ONE_TRACK (V-shaped) needs double track, but " + single.from() + "–" + single.to()
                            + " is single track: use VERTICAL");
        }
        if (durationOk && w.purpose() != null) {
            Duration minimum = rules.minimumSkylight(w.purpose(), anyDouble);
            if (w.duration().compareTo(minimum) < 0) {
                warnings.add(new SkylightWarning(
                        SkylightWarning.Code.SHORTER_THAN_RULE,
                        w.id(),
                        "duration",
                        w.purpose() + " skylight of " + w.duration().toMinutes() + " min on "
                                + (anyDouble ? "double" : "single") + " track is shorter than the "
                                + minimum.toMinutes()
                                + " min the rule asks"));
            }
        }
    }

    private Optional<Point> point(Validation v, String code, String field) {
        if (Texts.blank(code)) {
            v.add(field, "is required");
            return Optional.empty();
        }
        Optional<Point> p = network.point(code);
        v.check(p.isPresent(), field, "'" + code + "' is not a point of the line");
        return p;
    }

    private static boolean checkDuration(Validation v, SkylightWindow w, String prefix) {
        Duration d = w.duration();
        if (d == null || d.isNegative() || d.isZero()) {
            v.add(prefix + "duration", "must be positive");
            return false;
        }
        if (d.compareTo(DAY) >= 0) {
            v.add(
                    prefix + "duration",
                    d.toMinutes() + " min is 24 h or more: the window would run into its own next " + "occurrence");
        }
        return true;
    }

    /** Occurrences overlap when one lasts longer than the gap to the next chosen day of the week. */
    private static void checkRecurrence(Validation v, SkylightWindow w, String prefix) {
        for (DayOfWeek day : w.days()) {
            int gap = 1;
            while (!w.days().contains(day.plus(gap))) {
                gap++;
            }
            if (w.duration().compareTo(DAY.multipliedBy(gap)) > 0) {
                v.add(
                        prefix + "days",
                        "occurrences overlap: the one starting on " + name(day) + " lasts "
                                + w.duration().toMinutes() + " min, past the start of the next one on "
                                + name(day.plus(gap)));
                return;
            }
        }
    }

    /**
     * The sections a window closes, along the line both ends lie on; for a single station, the sections either side on
     * every line through it (they give its main tracks).
     */
    private List<Section> sectionsOf(Point a, Point b) {
        if (a == b) {
            List<Section> out = new ArrayList<>();
            for (Network.Place p : network.places(a.code())) {
                List<Section> sections = p.line().sections();
                out.addAll(sections.subList(Math.max(0, p.index() - 1), Math.min(sections.size(), p.index() + 1)));
            }
            return out;
        }
        Line line = network.lineHolding(a.code(), b.code()).orElseThrow();
        int i = line.indexOf(a.code());
        int j = line.indexOf(b.code());
        return line.sections().subList(Math.min(i, j), Math.max(i, j));
    }

    private static String description(SkylightWindow w, Point from, Point to) {
        String kind = w.kind() == SkylightKind.VERTICAL
                ? "vertical, both directions"
                : "one track only (V-shaped), the other stays open";
        String text = w.purpose().name().toLowerCase(Locale.ROOT) + " skylight " + w.id() + " (" + kind + ") "
                + from.code() + (from == to ? "" : "–" + to.code());
        return w.description().isEmpty() ? text : text + ": " + w.description();
    }

    private static String name(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
