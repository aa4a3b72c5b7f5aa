/**
 * The line as data. A line is a chain of <em>points</em> (stations, passing loops, the border, junctions) at their
 * kilometre positions (chainage, counted from Kunming South), joined by <em>sections</em>, each with its number of
 * tracks, line speeds per kind of train, the kind of block signalling and a mean gradient, and crossed by named
 * <em>structures</em> (tunnels and bridges). A point belongs to a country and a time zone and has a number of station
 * tracks with a useful length; a point with no track, such as the border, cannot hold a train.
 *
 * <p>{@link org.lancang.network.Network} is the checked whole: km strictly increasing, sections contiguous, exactly
 * one border point between the two countries, one time zone per point, plausible speeds and gradients. {@link
 * org.lancang.network.NetworkParser} reads it from the data files and names the file, line and field of any mistake.
 * Nothing in the core names a station, zone or country of the reference line: those are data. {@link
 * org.lancang.network.KmQuality} records how each kilometre position was obtained.
 */
package org.lancang.network;
