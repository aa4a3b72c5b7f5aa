package org.lancang.timetable.conflict;

import java.time.Instant;

/**
 * Two owners want the same resource at the same time: {@code first} is the owner whose occupation starts first (the
 * smaller owner id on a tie), and the overlap is {@code [from, to)}.
 */
public record Conflict(
        String resource, String first, String second, boolean possessionInvolved, Instant from, Instant to)
        implements Comparable<Conflict> {

    static Conflict between(Occupation a, Occupation b) {
        Occupation early = a.from().isBefore(b.from())
                        || (a.from().equals(b.from()) && a.owner().compareTo(b.owner()) <= 0)
                ? a
                : b;
        Occupation late = early == a ? b : a;
        Instant from = late.from();
        Instant to = a.to().isBefore(b.to()) ? a.to() : b.to();
        return new Conflict(a.resource(), early.owner(), late.owner(), a.possession() || b.possession(), from, to);
    }

    @Override
    public int compareTo(Conflict o) {
        int c = from.compareTo(o.from);
        if (c == 0) {
            c = resource.compareTo(o.resource);
        }
        if (c == 0) {
            c = first.compareTo(o.first);
        }
        if (c == 0) {
            c = second.compareTo(o.second);
        }
        if (c == 0) {
            c = to.compareTo(o.to);
        }
        return c;
    }
}
