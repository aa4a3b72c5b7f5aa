/**
 * Money on lines with several currencies. On the reference line fares are set in Chinese yuan (CNY) north of the
 * border and in Lao kip (LAK) south of it, on the Bangkok line in Thai baht (THB); a cross-border ticket has a part in
 * each and a total in the currency the buyer pays in. An amount is {@link org.lancang.money.Money}: whole minor units
 * (fen for the yuan; the kip has no minor unit in use) and a {@link org.lancang.money.Currency}, never a floating-point
 * number, so sums and refunds are exact. Which currencies exist, and how many decimals each has, is data: {@link
 * org.lancang.money.Currencies} reads {@code currencies.csv} (the world's, and a network's own additions; ADR 0030), which
 * is why this package sits above {@code data}. {@link org.lancang.money.ExchangeRate} says how many units of one
 * currency one unit of the other buys, and {@link org.lancang.money.ExchangeRates} is a network's table of them (each
 * rate an assumption recorded in the data files).
 */
package org.lancang.money;
