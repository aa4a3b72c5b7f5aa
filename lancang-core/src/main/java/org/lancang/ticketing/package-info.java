/**
 * The rules of selling tickets. A <em>passenger</em> ({@link org.lancang.ticketing.Passenger}) travels on an identity
 * document of its network's {@code documents.csv} ({@link org.lancang.ticketing.TravelDocuments}); each journey takes
 * the documents that serve its countries and cross its borders ({@link org.lancang.ticketing.JourneyDocuments}), such
 * as a passport valid on the day of travel across the border, and one document cannot hold two overlapping journeys
 * on one run. A run is on sale within its
 * <em>sales window</em> ({@link org.lancang.ticketing.SalesWindow}: 15 days ahead for China Railway Kunming Group's
 * trains, 7 for LCR's, until departure). A ticket given back costs a fee that grows as departure nears ({@link
 * org.lancang.ticketing.RefundRules}).
 *
 * <p>The seat inventory is in {@code ticketing.inventory}, the fares in {@code ticketing.fares}. The booking lifecycle
 * that uses these rules (hold, pay, cancel, change, waitlist) is run by lancang-store's {@code sales} package.
 */
package org.lancang.ticketing;
