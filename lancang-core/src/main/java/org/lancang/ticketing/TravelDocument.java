package org.lancang.ticketing;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
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

    /** The countries ISO 3166 lists (alpha-2), as the JDK knows them: only these have an alpha-3 nationality. */
    private static final Set<String> ISO_ALPHA2 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

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

    /**
     * The nationality its holder's document says (ISO 3166 alpha-3, as a booking's {@code nationality} takes it): the
     * issuing country's, for a country's own card; empty for a passport, and for a country ISO 3166 does not list (a
     * network's made-up country, such as a test network's), whose card names no nationality a booking could carry.
     */
    public Optional<String> nationality() {
        return nationalityOf(issuedBy);
    }

    /**
     * The nationality (ISO 3166 alpha-3) of a country's code (alpha-2), empty for a code ISO 3166 does not list: a
     * made-up country, a shared {@code A/B} border country, a blank.
     */
    public static Optional<String> nationalityOf(String countryCode) {
        return ISO_ALPHA2.contains(countryCode)
                ? Optional.of(new Locale("", countryCode).getISO3Country())
                : Optional.empty();
    }

    /** Whether {@code number} is one of this document's numbers: its pattern, then its check digit. */
    public boolean numberFits(String number) {
        String n = number == null ? "" : number.strip();
        return numberPattern.matcher(n).matches() && numberCheck.passes(n);
    }
}
