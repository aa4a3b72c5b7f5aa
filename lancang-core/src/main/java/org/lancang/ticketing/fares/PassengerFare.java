package org.lancang.ticketing.fares;

/**
 * One passenger's fare: the category their age gives on the first operator's part (ADULT when no date of birth was
 * given or no band covers it) and the quote, each part reduced by its own operator's rule.
 */
public record PassengerFare(FareCategory category, FareQuote quote) {}
