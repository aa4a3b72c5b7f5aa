/**
 * The network as data: one or more {@link org.lancang.network.Line lines} meeting at <em>junctions</em> (points on
 * more than one line), each line with its own chainage and its own names for the two directions. A line is a chain of
 * <em>points</em> (stations, passing loops, the border, junctions) at their
 * kilometre positions (chainage, counted from Kunming South), joined by <em>sections</em>, each with its number of
 * tracks, line speeds per kind of train, the kind of block signalling and a mean gradient, and crossed by named
 * <em>structures</em> (tunnels and bridges). A point belongs to a country and a time zone and has a number of station
 * tracks with a useful length; a point with no track, such as the border, cannot hold a train.
 *
 * <p>{@link org.lancang.network.Routes} finds the shortest {@link org.lancang.network.Route route} between two points,
 * through the junctions a train names ({@code via}), as legs each on one line.
 *
 * <p>{@link org.lancang.network.Network} is the checked whole, line by line: km strictly increasing, sections contiguous, a border
 * point wherever the country changes, each point on its country's zone, plausible speeds and gradients. It also says
 * what it is: its {@link org.lancang.network.NetworkProfile} (code, service-day zone, GTFS feed zone), its
 * {@link org.lancang.network.Country countries} (read from data, each with its zone and infrastructure manager; a
 * border point lies in the <em>shared</em> country {@code A/B} of its two sides) and its
 * {@link org.lancang.network.Border borders}, each with the control stations of both sides, which may lie away from
 * the border itself. {@link
 * org.lancang.network.NetworkParser} reads it from the data files and names the file, line and field of any mistake.
 * Nothing in the core names a station, zone or country of the reference line: those are data. {@link
 * org.lancang.network.KmQuality} records how each kilometre position was obtained.
 */
package org.lancang.network;
