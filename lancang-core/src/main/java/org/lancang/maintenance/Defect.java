package org.lancang.maintenance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lancang.errors.InvalidInput;
import org.lancang.timetable.SpeedRestriction;

/**
 * A defect found on an asset, with its optional temporary speed restriction. Built by {@link Defects#report}; changed
 * only by making a new value (lifting the restriction, adding a photo, closing).
 *
 * @param restriction the temporary speed restriction, or {@code null} when none was imposed
 * @param photoIds    ids of the photos the web layer keeps
 * @param line        the code of the line its km (and its restriction's) are on, always named (as in
 *                    {@link SpeedRestriction}, ADR 0033)
 */
public record Defect(
        String id,
        String assetId,
        double km,
        Severity severity,
        String description,
        TemporaryRestriction restriction,
        List<String> photoIds,
        String reportedBy,
        Instant reportedAt,
        DefectStatus status,
        String line) {
    public Defect {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(assetId, "assetId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(reportedBy, "reportedBy");
        Objects.requireNonNull(reportedAt, "reportedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(line, "line");
        photoIds = List.copyOf(photoIds == null ? List.of() : photoIds);
    }

    /** Its restriction as the timetable takes it, on the defect's line: it slows only the trains running there. */
    public SpeedRestriction speedRestriction() {
        return restriction.toSpeedRestriction(line);
    }

    public boolean hasRestriction() {
        return restriction != null;
    }

    /** The speed restriction this defect imposes at {@code at}, if one is in force then. */
    public Optional<SpeedRestriction> restrictionInForce(Instant at) {
        return restriction != null && restriction.inForce(at) ? Optional.of(speedRestriction()) : Optional.empty();
    }

    /** This defect with its restriction lifted at {@code at}; {@link InvalidInput} naming {@code liftRestriction} if it has none. */
    public Defect liftRestriction(String by, Instant at) {
        if (restriction == null) {
            throw new InvalidInput("liftRestriction", "defect " + id + " has no speed restriction to lift");
        }
        if (Texts.blank(by)) {
            throw new InvalidInput("by", "is required");
        }
        Objects.requireNonNull(at, "at");
        return new Defect(
                id,
                assetId,
                km,
                severity,
                description,
                restriction.lift(by.strip(), at),
                photoIds,
                reportedBy,
                reportedAt,
                status,
                line);
    }

    /** This defect with one more photo id. */
    public Defect withPhoto(String photoId) {
        if (Texts.blank(photoId)) {
            throw new InvalidInput("photoId", "is required");
        }
        List<String> photos = new ArrayList<>(photoIds);
        photos.add(photoId.strip());
        return new Defect(
                id, assetId, km, severity, description, restriction, photos, reportedBy, reportedAt, status, line);
    }

    /** This defect closed (its repair verified). The restriction stays as it is: only lifting or expiry ends it. */
    public Defect close() {
        return new Defect(
                id,
                assetId,
                km,
                severity,
                description,
                restriction,
                photoIds,
                reportedBy,
                reportedAt,
                DefectStatus.CLOSED,
                line);
    }
}
