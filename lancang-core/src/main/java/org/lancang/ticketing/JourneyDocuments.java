package org.lancang.ticketing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.lancang.errors.Validation;
import org.lancang.network.Border;

/**
 * The travel documents of one journey: every document its network knows, those that serve this journey (by the
 * countries it runs in and the borders it crosses) and the borders crossed. A passenger's document is checked against
 * it: a code the network knows, one that serves the journey, a number of its form, an expiry where it needs one.
 *
 * @param known    every document of the journey's network
 * @param accepted the documents that serve this journey, in the file's order
 * @param crossed  the borders the journey crosses, empty on a domestic journey
 */
public record JourneyDocuments(TravelDocuments known, List<TravelDocument> accepted, List<Border> crossed) {
    public JourneyDocuments {
        accepted = List.copyOf(accepted);
        crossed = List.copyOf(crossed);
    }

    /** The codes of the documents that serve the journey. */
    public List<String> acceptedCodes() {
        return accepted.stream().map(TravelDocument::code).toList();
    }

    /** The document with this code if it serves the journey. */
    public Optional<TravelDocument> accepting(String code) {
        return accepted.stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /**
     * Checks a traveller's document: type, number and expiry, each failure added under {@code prefix} + the field
     * ({@code documentType}, {@code documentNumber}, {@code documentExpiry}). An unknown code and a document that does
     * not serve the journey name the documents that do; the number is checked only against a document that serves.
     */
    void check(Validation v, String prefix, String code, String number, LocalDate expiry, LocalDate travelDate) {
        String field = prefix + "documentType";
        if (code == null) {
            v.add(field, "is required: this journey takes " + String.join(", ", acceptedCodes()), "required");
            return;
        }
        Optional<TravelDocument> known = this.known.find(code);
        if (known.isEmpty()) {
            v.add(
                    field,
                    "'" + code + "' is not a travel document of this network: this journey takes "
                            + String.join(", ", acceptedCodes()),
                    "document-unknown");
            return;
        }
        TravelDocument document = known.get();
        if (accepting(code).isEmpty()) {
            v.add(field, notServing(document), "document-not-accepted");
            return;
        }
        if (number == null || !document.numberFits(number)) {
            boolean formFits = number != null
                    && document.numberPattern().matcher(number.strip()).matches();
            if (formFits) {
                v.add(
                        prefix + "documentNumber",
                        "is not a " + document.names().en() + " number: its check digit does not match",
                        "document-number-check");
            } else {
                v.add(
                        prefix + "documentNumber",
                        "is not a " + document.names().en() + " number ("
                                + document.numberPattern().pattern() + ")",
                        "document-number");
            }
        }
        if (document.expiryRequired()) {
            if (expiry == null) {
                v.add(
                        prefix + "documentExpiry",
                        "a " + document.names().en() + "'s expiry date is required",
                        "document-expiry-required");
            } else if (expiry.isBefore(travelDate)) {
                v.add(
                        prefix + "documentExpiry",
                        "the " + document.names().en() + " has expired by the travel date " + travelDate,
                        "document-expired");
            }
        }
    }

    /** Why the document does not serve this journey, and which do. */
    private String notServing(TravelDocument document) {
        String which = accepted.isEmpty()
                ? "no document of this network serves it"
                : "it takes " + String.join(", ", acceptedCodes());
        if (crossed.isEmpty()) {
            return "a " + document.names().en() + " does not serve a journey that crosses no border here: " + which;
        }
        return "a " + document.names().en() + " does not take a passenger across " + named(crossed) + ": " + which;
    }

    /** "the A–B border" for the borders crossed, named by their countries as the network's data calls them. */
    private static String named(List<Border> crossed) {
        List<String> names = crossed.stream()
                .map(b -> b.before().names().en() + "–" + b.after().names().en())
                .toList();
        return "the " + String.join(" and ", names) + (names.size() == 1 ? " border" : " borders");
    }
}
