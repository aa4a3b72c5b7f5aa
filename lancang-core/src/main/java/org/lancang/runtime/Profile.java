package org.lancang.runtime;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A speed–distance–time profile, read as a list of {@link ProfilePoint}s but kept as the legs' own sample arrays, each
 * placed in time (departure, allowance stretch) and thinned to a stride. Path insertion computes thousands of runs per
 * request and the planner caches them: one object per sample made the garbage collector trace tens of millions of
 * them and pause for most of a request's time, while the legs' arrays are shared with the {@link LegMemo} and hold no
 * references. A point is made only when one is read; each value is computed by the same expression as when points
 * were stored, so it is the same double.
 */
public final class Profile extends AbstractList<ProfilePoint> implements RandomAccess {
    private final Segment[] segments;
    /** The index of each segment's first point in the whole profile, ascending. */
    private final int[] firsts;
    /** The position of each segment's last point, ascending: to find a position's segment first. */
    private final double[] lastsM;

    private final int size;

    /**
     * One leg's samples: point {@code j} is sample {@code min(j·stride, last)} of the arrays, its speed divided by
     * {@code stretch} and its time {@code departureS + stretch · t}.
     */
    private record Segment(
            double[] positionsM, double[] speedsMps, double[] timesS, double departureS, double stretch, int stride) {
        int count() {
            int last = positionsM.length - 1;
            return last / stride + 1 + (last % stride == 0 ? 0 : 1);
        }

        int sample(int j) {
            return Math.min(j * stride, positionsM.length - 1);
        }
    }

    private Profile(List<Segment> segments) {
        this.segments = segments.toArray(new Segment[0]);
        this.firsts = new int[this.segments.length];
        this.lastsM = new double[this.segments.length];
        int n = 0;
        for (int s = 0; s < this.segments.length; s++) {
            firsts[s] = n;
            double[] x = this.segments[s].positionsM();
            lastsM[s] = x[x.length - 1];
            n += this.segments[s].count();
        }
        this.size = n;
    }

    /** The points as they are when they do not come from legs (a forecast's warped times, a test's list). */
    public static Profile of(List<ProfilePoint> points) {
        if (points instanceof Profile p) {
            return p;
        }
        Builder b = new Builder();
        if (!points.isEmpty()) {
            int n = points.size();
            double[] x = new double[n];
            double[] v = new double[n];
            double[] t = new double[n];
            for (int i = 0; i < n; i++) {
                ProfilePoint p = points.get(i);
                x[i] = p.positionM();
                v[i] = p.speedMps();
                t[i] = p.timeS();
            }
            b.segments.add(new Segment(x, v, t, 0.0, 1.0, 1));
        }
        return b.build();
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public ProfilePoint get(int index) {
        return new ProfilePoint(positionM(index), speedMps(index), timeS(index));
    }

    public double positionM(int index) {
        int k = indexOfSegment(index);
        Segment s = segments[k];
        return s.positionsM()[s.sample(index - firsts[k])];
    }

    public double speedMps(int index) {
        int k = indexOfSegment(index);
        Segment s = segments[k];
        return s.speedsMps()[s.sample(index - firsts[k])] / s.stretch();
    }

    public double timeS(int index) {
        int k = indexOfSegment(index);
        Segment s = segments[k];
        return s.departureS() + s.stretch() * s.timesS()[s.sample(index - firsts[k])];
    }

    /**
     * When the head is at {@code positionM}, interpolated linearly between the points either side; before the first
     * point its time, after the last its time; at a stop, the moment it arrives (the first point there).
     */
    public double secondsAt(double positionM) {
        int last = size - 1;
        if (positionM <= positionM(0)) {
            return timeS(0);
        }
        if (positionM >= positionM(last)) {
            return timeS(last);
        }
        int hi = firstAtOrAfter(positionM); // positions ascend: the point before it is the last one short of it
        int lo = hi - 1;
        double aM = positionM(lo);
        double bM = positionM(hi);
        if (bM == aM) {
            return timeS(lo);
        }
        double f = (positionM - aM) / (bM - aM);
        double aS = timeS(lo);
        return aS + f * (timeS(hi) - aS);
    }

    /**
     * The first index whose position is at least {@code positionM}, given position(0) < positionM <= position(last):
     * the first segment that reaches it, then the first of its points that does (every point before is short of it).
     */
    private int firstAtOrAfter(double positionM) {
        int k = 0;
        int kHi = segments.length - 1;
        while (k < kHi) {
            int mid = (k + kHi) >>> 1;
            if (lastsM[mid] < positionM) {
                k = mid + 1;
            } else {
                kHi = mid;
            }
        }
        Segment s = segments[k];
        int lo = 0;
        int hi = s.count() - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s.positionsM()[s.sample(mid)] < positionM) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return firsts[k] + lo;
    }

    private int indexOfSegment(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int k = Arrays.binarySearch(firsts, index); // no segment is empty: the firsts strictly ascend
        return k >= 0 ? k : -k - 2;
    }

    /** Collects the legs in order. */
    static final class Builder {
        private final List<Segment> segments = new ArrayList<>();

        /** Adds a leg's samples, sharing its arrays (they are never changed). */
        void add(
                double[] positionsM,
                double[] speedsMps,
                double[] timesS,
                double departureS,
                double stretch,
                int stride) {
            if (positionsM.length > 0) {
                segments.add(new Segment(positionsM, speedsMps, timesS, departureS, stretch, stride));
            }
        }

        Profile build() {
            return new Profile(segments);
        }
    }
}
