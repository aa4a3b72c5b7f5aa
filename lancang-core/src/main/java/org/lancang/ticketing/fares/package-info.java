/**
 * Fares: per operator and class, in the operator's currency ({@link org.lancang.ticketing.fares.Tariff}), read from
 * {@code fares.csv} ({@link org.lancang.ticketing.fares.FareFileParser}), and quoted for a journey with a total in the
 * buyer's currency ({@link org.lancang.ticketing.fares.FareTable#quote}).
 */
package org.lancang.ticketing.fares;
