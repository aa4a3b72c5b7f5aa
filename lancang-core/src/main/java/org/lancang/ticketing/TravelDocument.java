package org.lancang.ticketing;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.lancang.network.Border;
import org.lancang.network.Country;
import org.lancang.network.Names;

/**
 * A kind of travel document a network accepts, as its {@code documents.csv} describes it: what its number looks like
 * and how it checks itself, whether it needs an expiry date, and where it takes a passenger.
 *
 * @param code           the document type's code, as the API and the ticket carry it
 * @param names          its names in the pages' languages
 * @param numberPattern  the whole number must match it (after stripping blanks at the ends)
 * @param numberCheck    the check digit the number carries, if any
 * @param expiryRequired whether the document's expiry date must be given (and be after the day of travel)
 * @param domesticIn     country codes where it serves a journey that crosses no border; {@code *} for any
 * @param crosses        border point codes it takes a passenger across; {@code *} for any border
 * @param issuedBy       the code of the country whose own document it is (its ID card), blank for one any country
 *                       issues (a passport): the page offers it first at home, with its nationality
 * @param source         where the row comes from
 */
public record TravelDocument(
        String code,
        Names names,
        Pattern numberPattern,
        NumberCheck numberCheck,
        boolean expiryRequired,
        Set<String> domesticIn,
        Set<String> crosses,
        String issuedBy,
        String source) {
    static final String ANY = "*";

    public TravelDocument {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(numberPattern, "numberPattern");
        Objects.requireNonNull(numberCheck, "numberCheck");
        domesticIn = Set.copyOf(domesticIn);
        crosses = Set.copyOf(crosses);
        issuedBy = issuedBy == null ? "" : issuedBy;
        source = source == null ? "" : source;
    }

    /** Whether it serves a journey inside {@code country} alone. */
    public boolean servesDomestic(Country country) {
        return domesticIn.contains(ANY) || domesticIn.contains(country.code());
    }

    /** Whether it takes a passenger across {@code border}. */
    public boolean crosses(Border border) {
        return crosses.contains(ANY) || crosses.contains(border.point().code());
    }

    /** Whether {@code number} is one of this document's numbers: its pattern, then its check digit. */
    public boolean numberFits(String number) {
        String n = number == null ? "" : number.strip();
        return numberPattern.matcher(n).matches() && numberCheck.passes(n);
    }
}
