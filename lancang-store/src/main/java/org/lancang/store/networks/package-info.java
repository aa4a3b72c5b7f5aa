/**
 * The networks one Lancang serves. A <em>network</em> is a folder of {@code data/} (its points, sections, rolling
 * stock, operators and timetable); Lancang serves every folder there, or those named. The <em>home network</em> is the
 * first: the database holds it, and sales, maintenance, operations, freight and the pages work on it. The others are
 * served read-only from their folders: their points, trains and running times, their timetable day and their GTFS feed.
 * {@link org.lancang.store.networks.ServedNetworks} finds a point, a train or a train type in whichever network has it,
 * which needs codes and numbers unique across the networks: a clash is refused when the networks are loaded.
 * {@link org.lancang.store.networks.PerNetwork} is the one shell of a feature's services, one per network (home's
 * first): the sales, customs, changes, maintenance, operations and freight holders extend it and add only how their
 * requests find their network; a network named by a request is picked by {@link
 * org.lancang.store.networks.NetworkChoice}.
 */
package org.lancang.store.networks;
