package org.lancang.timetable;

import java.time.Duration;

/**
 * The figures that turn a train's times into blocking times. The line's real signalling figures are not published;
 * these are engineering assumptions in line with Chinese practice for 160–200 km/h lines (tracking interval of about
 * 4–5 minutes on automatic block; a few minutes between an arrival and the opposing departure on single track).
 *
 * @param blockLengthM          length of a block section on double track with automatic block
 * @param blockSetup            route setting and signal clearing before a train approaches a block section
 * @param blockRelease          release after the tail has cleared it
 * @param singleTrackSetup      setting the route into a single-track section (the inter-station block)
 * @param singleTrackRelease    release after the tail has cleared the section into the next station
 * @param stationSetup          a stopping train's route into its station track
 * @param stationRelease        after its departure, before the track can take another train
 * @param platformBeforeDeparture how long a train stands at its origin's platform before it leaves
 * @param platformAfterArrival  how long a train stands at its destination's platform after it arrives
 */
public record BlockingRules(
        double blockLengthM,
        Duration blockSetup,
        Duration blockRelease,
        Duration singleTrackSetup,
        Duration singleTrackRelease,
        Duration stationSetup,
        Duration stationRelease,
        Duration platformBeforeDeparture,
        Duration platformAfterArrival) {

    /** The defaults Lancang plans the reference network with (assumptions, see the class comment). */
    public static BlockingRules defaults() {
        return new BlockingRules(
                2500,
                Duration.ofSeconds(30),
                Duration.ofSeconds(15),
                Duration.ofSeconds(60),
                Duration.ofSeconds(30),
                Duration.ofSeconds(30),
                Duration.ofSeconds(30),
                Duration.ofMinutes(10),
                Duration.ofMinutes(10));
    }
}
