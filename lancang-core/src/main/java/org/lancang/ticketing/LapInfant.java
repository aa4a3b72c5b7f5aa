package org.lancang.ticketing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.lancang.errors.Validation;
import org.lancang.ticketing.fares.AgeFare;
import org.lancang.ticketing.fares.AgeFares;
import org.lancang.ticketing.fares.FareCategory;

/**
 * An infant who travels on a passenger's lap, without a seat of their own and free, as China Railway carries one child
 * under 6 per adult ({@code passenger-fares.csv}, category {@code LAP_INFANT}). The infant is named on the carrying
 * passenger's ticket; across a border they need a passport of their own like everyone else.
 *
 * @param documentType the code of the infant's document: required across a border; optional on a domestic journey
 */
public record LapInfant(
        String name,
        LocalDate dateOfBirth,
        String documentType,
        String documentNumber,
        String nationality,
        LocalDate documentExpiry) {
    public LapInfant {
        documentType = Passenger.normalised(documentType);
    }

    /**
     * Checks the infant carried by a passenger whose fare category is {@code carrier}, on a journey whose parts are run
     * by operators with the lap-infant bands {@code bands} (empty where an operator carries none). Every failure is added
     * under {@code prefix} + {@code infant.}…
     */
    public static void check(
            Validation v,
            String prefix,
            LapInfant infant,
            FareCategory carrier,
            List<Optional<AgeFare>> bands,
            LocalDate travelDate,
            JourneyDocuments documents,
            LocalDate today) {
        String at = prefix + "infant.";
        if (carrier != FareCategory.ADULT) {
            v.add(
                    prefix + "infant",
                    "an infant on the lap travels with a passenger who pays the adult fare, not a " + carrier,
                    "lap-infant-carrier");
        }
        boolean documented =
                !documents.crossed().isEmpty() || infant.documentType() != null || infant.documentNumber() != null;
        if (documented) {
            // the same document rules as any traveller: across the border a document that crosses it, valid that day
            Passenger.check(v, at, infant.asTraveller(), travelDate, documents, today);
        } else {
            Passenger.checkName(v, at, infant.name());
            Passenger.checkDateOfBirth(v, at, infant.dateOfBirth(), today);
        }
        if (infant.dateOfBirth() == null) {
            v.add(at + "dateOfBirth", "is required for an infant on the lap", "required");
            return;
        }
        int age = AgeFares.age(infant.dateOfBirth(), travelDate);
        for (Optional<AgeFare> band : bands) {
            if (band.isEmpty()) {
                v.add(
                        prefix + "infant",
                        "an operator of this journey carries no infant without a seat",
                        "lap-infant-not-carried");
                return;
            }
            if (!band.get().covers(age)) {
                v.add(
                        at + "dateOfBirth",
                        "an infant on the lap must be under " + band.get().maxAge() + " on the day of travel; "
                                + "an older child needs a seat of their own",
                        "lap-infant-too-old");
                return;
            }
        }
    }

    /** The infant as a traveller, for the document checks every traveller passes. */
    Passenger asTraveller() {
        return new Passenger(name, documentType, documentNumber, nationality, dateOfBirth, documentExpiry);
    }
}
