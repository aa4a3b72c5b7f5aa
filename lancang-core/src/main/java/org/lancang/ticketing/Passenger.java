package org.lancang.ticketing;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.lancang.errors.Validation;
import org.lancang.network.Border;

/**
 * Who travels, as the ticket names them: name, the travel document (type, number, issuing nationality, expiry) and date
 * of birth (optional: given for a child or an infant, whose fare it sets).
 *
 * @param documentExpiry required for a passport, optional otherwise
 * @param infant the infant this passenger carries on their lap (no seat of its own), or null
 */
public record Passenger(
        String name,
        DocumentType documentType,
        String documentNumber,
        String nationality,
        LocalDate dateOfBirth,
        LocalDate documentExpiry,
        LapInfant infant) {
    /** A passenger travelling without a lap infant. */
    public Passenger(
            String name,
            DocumentType documentType,
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
     * Checks the passenger for a journey on {@code travelDate}; a border {@code crossed} (empty on a domestic journey)
     * demands a passport valid that day. Every failure is added under {@code prefix} + the field name (e.g.
     * {@code passengers[0].documentType}).
     */
    public static void check(
            Validation v, String prefix, Passenger p, LocalDate travelDate, List<Border> crossed, LocalDate today) {
        if (p == null) {
            v.add(prefix.isEmpty() ? "passenger" : prefix.substring(0, prefix.length() - 1), "is required");
            return;
        }
        checkName(v, prefix, p.name());
        if (p.documentType() == null) {
            v.add(prefix + "documentType", "is required: " + Arrays.toString(DocumentType.values()), "required");
        } else if (!crossed.isEmpty() && p.documentType() != DocumentType.PASSPORT) {
            v.add(
                    prefix + "documentType",
                    "a journey across " + named(crossed) + " needs a passport",
                    "passport-required");
        }
        if (p.documentNumber() == null || !p.documentNumber().strip().matches("[A-Za-z0-9]{5,20}")) {
            v.add(prefix + "documentNumber", "must be 5–20 letters or digits", "document-number");
        }
        if (p.nationality() == null || !ISO_ALPHA3.contains(p.nationality())) {
            v.add(prefix + "nationality", "must be an ISO 3166 alpha-3 code such as CHN, LAO, THA", "nationality");
        }
        // asked only when the fare needs it (a child or an infant): without it the passenger pays the full fare
        checkDateOfBirth(v, prefix, p.dateOfBirth(), today);
        if (p.documentType() == DocumentType.PASSPORT) {
            if (p.documentExpiry() == null) {
                v.add(prefix + "documentExpiry", "a passport's expiry date is required", "passport-expiry-required");
            } else if (p.documentExpiry().isBefore(travelDate)) {
                v.add(
                        prefix + "documentExpiry",
                        "the passport has expired by the travel date " + travelDate,
                        "passport-expired");
            }
        }
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

    /** "the A–B border" for the borders crossed, named by their countries as the network's data calls them. */
    private static String named(List<Border> crossed) {
        List<String> names = crossed.stream()
                .map(b -> b.before().names().en() + "–" + b.after().names().en())
                .toList();
        return "the " + String.join(" and ", names) + (names.size() == 1 ? " border" : " borders");
    }
}
