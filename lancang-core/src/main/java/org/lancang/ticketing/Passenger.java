package org.lancang.ticketing;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.lancang.errors.Validation;

/**
 * Who travels, as the ticket names them: name, the travel document (type, number, issuing nationality, expiry) and date
 * of birth (optional: given for a child or an infant, whose fare it sets).
 *
 * @param documentType   the code of the travel document, as the network's {@code documents.csv} names it (such as
 *                       {@code PASSPORT}); upper-cased, blank read as none
 * @param documentExpiry required where the document's row says so (a passport), optional otherwise
 * @param infant the infant this passenger carries on their lap (no seat of its own), or null
 */
public record Passenger(
        String name,
        String documentType,
        String documentNumber,
        String nationality,
        LocalDate dateOfBirth,
        LocalDate documentExpiry,
        LapInfant infant) {
    public Passenger {
        documentType = normalised(documentType);
    }

    /** A document code as the files write it: upper case, no blanks at the ends; blank is none. */
    static String normalised(String documentType) {
        return documentType == null || documentType.isBlank()
                ? null
                : documentType.strip().toUpperCase(Locale.ROOT);
    }

    /** A passenger travelling without a lap infant. */
    public Passenger(
            String name,
            String documentType,
            String documentNumber,
            String nationality,
            LocalDate dateOfBirth,
            LocalDate documentExpiry) {
        this(name, documentType, documentNumber, nationality, dateOfBirth, documentExpiry, null);
    }

    public static final int MAX_NAME_LENGTH = 100;
    /** The nationalities a document can carry: ISO 3166 alpha-3 codes (as the JDK lists them). */
    private static final Set<String> ISO_ALPHA3 = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

    /** The document's identity for "one document, one seat on a train at a time": type + number, normalised. */
    public String documentKey() {
        return documentType + ":" + documentNumber.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * Checks the passenger for a journey on {@code travelDate} whose documents are {@code documents}: the document
     * must be one of those that serve the journey (across a border, one that crosses it), its number of that
     * document's form and its expiry given where the document needs one, valid that day. Every failure is added under
     * {@code prefix} + the field name (e.g. {@code passengers[0].documentType}).
     */
    public static void check(
            Validation v,
            String prefix,
            Passenger p,
            LocalDate travelDate,
            JourneyDocuments documents,
            LocalDate today) {
        if (p == null) {
            v.add(prefix.isEmpty() ? "passenger" : prefix.substring(0, prefix.length() - 1), "is required");
            return;
        }
        checkName(v, prefix, p.name());
        documents.check(v, prefix, p.documentType(), p.documentNumber(), p.documentExpiry(), travelDate);
        if (p.nationality() == null || !ISO_ALPHA3.contains(p.nationality())) {
            v.add(prefix + "nationality", "must be an ISO 3166 alpha-3 code such as CHN, LAO, THA", "nationality");
        }
        // asked only when the fare needs it (a child or an infant): without it the passenger pays the full fare
        checkDateOfBirth(v, prefix, p.dateOfBirth(), today);
    }

    static void checkName(Validation v, String prefix, String name) {
        if (name == null || name.isBlank()) {
            v.add(prefix + "name", "is required", "required");
        } else if (name.length() > MAX_NAME_LENGTH) {
            v.add(prefix + "name", "must be at most " + MAX_NAME_LENGTH + " characters", "name-too-long");
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            v.add(prefix + "name", "must not contain control characters", "name-control-characters");
        }
    }

    static void checkDateOfBirth(Validation v, String prefix, LocalDate dateOfBirth, LocalDate today) {
        if (dateOfBirth != null && (dateOfBirth.isAfter(today) || dateOfBirth.isBefore(today.minusYears(130)))) {
            v.add(prefix + "dateOfBirth", "is not a plausible date of birth", "date-of-birth");
        }
    }
}
