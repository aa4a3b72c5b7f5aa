package org.lancang.network;

import java.time.ZoneId;
import java.util.Objects;

/**
 * A point of the line: a station, a passing loop, a freight station or the border.
 *
 * @param code           stable code (KMS … VTS)
 * @param km             position from Kunming South, in km
 * @param timeZone       the zone local times at this point are shown in
 * @param stationTracks  tracks a train can stand on (0 where no train can stop)
 * @param usefulLengthM  useful length of the arrival/departure tracks: the longest train that can stand there
 * @param tracksBasis    where the track figures come from, or the assumption behind them
 * @param elevationM     height above sea level in metres
 * @param elevationBasis source or estimate note for the elevation
 * @param dwell          the usual dwell of a passenger train calling here, and the border formalities if this is a
 *                       border control station
 * @param source         where the rest of the row comes from
 * @param assumed        a passing loop Lancang assumes where the real line's loops are not known (not a published
 *                       point; listed apart from the reference points)
 */
public record Point(
        String code,
        Names names,
        Country country,
        double km,
        KmQuality kmQuality,
        PointKind kind,
        ZoneId timeZone,
        int stationTracks,
        int usefulLengthM,
        String tracksBasis,
        double elevationM,
        String elevationBasis,
        StopDwell dwell,
        String source,
        boolean assumed) {
    public Point {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(kmQuality, "kmQuality");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(timeZone, "timeZone");
        dwell = dwell == null ? StopDwell.none() : dwell;
    }

    /** Whether a train can be held here, to call, to wait for a meet or to be overtaken. */
    public boolean canHoldTrains() {
        return stationTracks > 0 && kind != PointKind.BORDER;
    }

    /**
     * This point as it lies on another line (a junction): the same point with its km there, how well that km is known
     * and where it comes from.
     */
    public Point onAnotherLine(double kmThere, KmQuality kmQualityThere, String sourceThere) {
        return new Point(
                code,
                names,
                country,
                kmThere,
                kmQualityThere,
                kind,
                timeZone,
                stationTracks,
                usefulLengthM,
                tracksBasis,
                elevationM,
                elevationBasis,
                dwell,
                sourceThere,
                assumed);
    }
}
