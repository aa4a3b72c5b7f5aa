package org.lancang.maintenance;

import java.time.Instant;
import java.util.List;

/**
 * A defect as reported, before any check; {@link Defects#report} turns it into a {@link Defect} or names the wrong
 * fields.
 *
 * @param id          the id the caller (the store) gives the defect
 * @param km          where the defect is: on the line and inside the asset's range
 * @param description required, at most 2,000 characters
 * @param restriction the temporary speed restriction asked for, or {@code null}
 * @param photoIds    ids of photos the web layer stored; may be empty
 * @param line        the code of the line the km are on; {@code null} or blank: its asset's line, else the one line
 *                    holding the km, else refused naming {@code line} (ADR 0033)
 */
public record DefectReport(
        String id,
        String assetId,
        double km,
        Severity severity,
        String description,
        RestrictionRequest restriction,
        List<String> photoIds,
        String reportedBy,
        Instant reportedAt,
        String line) {}
