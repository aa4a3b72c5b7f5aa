/**
 * Customs at the border (issue 18): advance cargo data per train, the release of each consignment, and the interlock
 * that keeps a train on its side of the border until every consignment on it is released. No I/O.
 *
 * <p>A <em>crossing</em> ({@link org.lancang.customs.Crossing}) is where a train's path first meets a border control
 * station in its direction of travel, found from the network's borders (never a station named in code): on the
 * reference network, Mohan southbound and Boten northbound. The <em>advance cargo data</em> ({@link
 * org.lancang.customs.AdvanceData}) of a train is assembled from its consignment notes: the railway manifest and the
 * summary transport data in the WCO Data Model's terms that a single window takes; it is <em>due</em> a configurable
 * time ({@link org.lancang.customs.CustomsRules}: the network's, or the crossed border's own) before the train reaches
 * the crossing, and is <em>late</em> when it is not complete and submitted by then.
 *
 * <p>Each consignment's <em>release state</em> ({@link org.lancang.customs.ReleaseState}) runs draft → submitted →
 * accepted → selected for inspection → released, or held with a reason. The <em>border interlock</em> ({@link
 * org.lancang.customs.BorderInterlock}) turns a train's states into a departure hold at its crossing, which live
 * operations' forecast waits for and its event check enforces.
 *
 * <p>A consignment's legs may cross several borders (a through consignment rides one train per network): {@link
 * org.lancang.customs.BorderClearance} holds that each border behind it has released it and each border ahead has its
 * declaration before it goes on, naming the first border that lacks it.
 */
package org.lancang.customs;
