package org.lancang.maintenance;

import java.time.LocalDate;
import org.lancang.errors.Validation;

/**
 * A recorded inspection of one asset. Whether the asset exists is the register's to say
 * ({@link AssetRegister#require}); the rest is checked here, with {@link org.lancang.errors.InvalidInput} naming the
 * field.
 *
 * @param date  the local date of the inspection (in the asset's country)
 * @param notes free text, at most 2,000 characters; blank when none
 */
public record InspectionResult(
        String assetId, LocalDate date, String inspector, InspectionOutcome outcome, String notes) {
    public static final int MAX_NOTES = 2000;

    public InspectionResult {
        Validation v = new Validation();
        v.check(!Texts.blank(assetId), "assetId", "is required");
        v.check(date != null, "date", "is required");
        Texts.required(v, inspector, "inspector", 200);
        v.check(outcome != null, "outcome", "is required");
        Texts.optional(v, notes, "notes", MAX_NOTES);
        v.throwIfInvalid();
        assetId = assetId.strip();
        inspector = inspector.strip();
        notes = Texts.orEmpty(notes);
    }
}
