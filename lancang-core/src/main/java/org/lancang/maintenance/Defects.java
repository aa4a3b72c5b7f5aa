package org.lancang.maintenance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lancang.errors.InvalidInput;
import org.lancang.errors.Validation;
import org.lancang.network.Line;
import org.lancang.network.Network;
import org.lancang.network.Section;
import org.lancang.timetable.SpeedRestriction;

/**
 * Reporting defects against the register, and the speed restrictions they impose on the timetable.
 */
public final class Defects {
    public static final int MAX_DESCRIPTION = 2000;
    private static final int MAX_ID = 64;

    private static final Comparator<SpeedRestriction> KM_ORDER = Comparator.comparingDouble(SpeedRestriction::fromKm)
            .thenComparingDouble(SpeedRestriction::toKm)
            .thenComparingInt(SpeedRestriction::speedKmh);

    private final AssetRegister register;

    public Defects(AssetRegister register) {
        this.register = Objects.requireNonNull(register, "register");
    }

    /**
     * The defect a report describes, OPEN, on the report's line (none: its asset's line, else the one line holding its
     * km), the line always named in the defect, or
     * {@link org.lancang.errors.InvalidInput} naming every wrong field: {@code line} (not a line of the network),
     * {@code id}, {@code assetId} (unknown, or on another line), {@code km} (off the line or outside the asset),
     * {@code severity},
     * {@code description} (required, ≤ 2,000 characters), {@code photoIds[i]}, {@code reportedBy},
     * {@code reportedAt}, and for the restriction {@code restriction.fromKm} / {@code restriction.toKm} (on the line,
     * toKm after fromKm, covering the defect's km), {@code restriction.speedKmh} (above 0 and below the line speed of
     * every section the range touches), {@code restriction.validFrom} and {@code restriction.validTo} (after
     * validFrom).
     */
    public Defect report(DefectReport r) {
        Validation v = new Validation();
        Optional<Line> named;
        try {
            named = Texts.blank(r.line())
                    ? Optional.of(lineOfAsset(r.assetId(), r.km()))
                    : register.network().line(r.line().strip());
        } catch (InvalidInput e) {
            // no asset to take the line from and the km on no one line: say both, check nothing more
            e.errors().forEach(f -> v.add(f.field(), f.message()));
            checkAsset(v, r.assetId(), null);
            v.throwIfInvalid();
            throw e;
        }
        if (named.isEmpty()) {
            // the km mean nothing without their line: refuse before checking them against another one
            v.add(
                    "line",
                    "'" + r.line().strip() + "' is not a line of the network "
                            + register.network().code());
            v.throwIfInvalid();
        }
        LineGeometry line = new LineGeometry(register.network(), named.orElseThrow());
        Texts.required(v, r.id(), "id", MAX_ID);
        Optional<Asset> asset = checkAsset(v, r.assetId(), line.line());
        checkKm(v, line, r.km(), asset);
        v.check(r.severity() != null, "severity", "is required");
        Texts.required(v, r.description(), "description", MAX_DESCRIPTION);
        List<String> photos = r.photoIds() == null ? List.of() : r.photoIds();
        for (int i = 0; i < photos.size(); i++) {
            v.check(!Texts.blank(photos.get(i)), "photoIds[" + i + "]", "must not be blank");
        }
        Texts.required(v, r.reportedBy(), "reportedBy", 200);
        v.check(r.reportedAt() != null, "reportedAt", "is required");
        if (r.restriction() != null) {
            checkRestriction(v, line, r.restriction(), r.km());
        }
        v.throwIfInvalid();

        RestrictionRequest q = r.restriction();
        TemporaryRestriction restriction = q == null
                ? null
                : new TemporaryRestriction(q.fromKm(), q.toKm(), q.speedKmh(), q.validFrom(), q.validTo(), null, null);
        return new Defect(
                r.id().strip(),
                r.assetId().strip(),
                r.km(),
                r.severity(),
                r.description().strip(),
                restriction,
                photos.stream().map(String::strip).toList(),
                r.reportedBy().strip(),
                r.reportedAt(),
                DefectStatus.OPEN,
                line.line().code());
    }

    /**
     * The speed restrictions in force at {@code at}, in km order, for the running-time calculation. Every defect
     * counts, open or closed: a restriction ends only when it expires or a maintainer lifts it, never silently because
     * the paperwork moved on (after a repair the track often stays restricted while it settles).
     */
    public static List<SpeedRestriction> restrictionsInForce(Collection<Defect> defects, Instant at) {
        Objects.requireNonNull(at, "at");
        List<SpeedRestriction> out = new ArrayList<>();
        for (Defect d : defects) {
            d.restrictionInForce(at).ifPresent(out::add);
        }
        out.sort(KM_ORDER);
        return out;
    }

    /**
     * The speed restrictions in force at any moment of {@code [from, to)}, in km order, each with its validity: the
     * timetable applies a restriction to the trains whose run it overlaps (see
     * {@link org.lancang.timetable.Planner#applying}).
     */
    public static List<SpeedRestriction> restrictionsDuring(Collection<Defect> defects, Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        List<SpeedRestriction> out = new ArrayList<>();
        for (Defect d : defects) {
            TemporaryRestriction r = d.restriction();
            if (r != null && r.validFrom().isBefore(to) && r.effectiveEnd().isAfter(from)) {
                out.add(d.speedRestriction());
            }
        }
        out.sort(KM_ORDER);
        return out;
    }

    /**
     * The line of a report that names none: its asset's (an asset id names one place, so its km are on the asset's
     * line), or, when the asset is unknown (refused below), the one line holding the km.
     *
     * @throws org.lancang.errors.InvalidInput naming {@code line} when the asset is unknown and no one line holds the
     *     km
     */
    private Line lineOfAsset(String assetId, double km) {
        Network network = register.network();
        return (Texts.blank(assetId) ? Optional.<Asset>empty() : register.find(assetId.strip()))
                .flatMap(a -> network.line(register.lineOf(a)))
                .orElseGet(() -> network.lineHoldingKm(km, km, "line"));
    }

    private Optional<Asset> checkAsset(Validation v, String assetId, Line line) {
        if (Texts.blank(assetId)) {
            v.add("assetId", "is required");
            return Optional.empty();
        }
        Optional<Asset> asset = register.find(assetId);
        if (asset.isEmpty()) {
            v.add("assetId", "'" + assetId + "' is not an asset in the register");
            return asset;
        }
        // an asset's km are those of its line (the attribute the register gives it on a network of several lines)
        String assetLine = register.lineOf(asset.get());
        if (line != null && !assetLine.equals(line.code())) {
            v.add("assetId", assetId.strip() + " is on the line " + assetLine + ", not " + line.code());
            return Optional.empty();
        }
        return asset;
    }

    private static void checkKm(Validation v, LineGeometry line, double km, Optional<Asset> asset) {
        if (!line.inside(km)) {
            v.add("km", LineGeometry.fmt(km) + " is outside " + line.extent());
        } else if (asset.isPresent() && !asset.get().covers(km)) {
            Asset a = asset.get();
            v.add(
                    "km",
                    LineGeometry.fmt(km) + " is outside " + a.id() + " (km " + LineGeometry.fmt(a.fromKm()) + " … "
                            + LineGeometry.fmt(a.toKm()) + ")");
        }
    }

    private static void checkRestriction(Validation v, LineGeometry line, RestrictionRequest q, double defectKm) {
        boolean fromOk = line.inside(q.fromKm());
        boolean toOk = line.inside(q.toKm());
        v.check(fromOk, "restriction.fromKm", LineGeometry.fmt(q.fromKm()) + " is outside " + line.extent());
        v.check(toOk, "restriction.toKm", LineGeometry.fmt(q.toKm()) + " is outside " + line.extent());
        boolean rangeOk = fromOk && toOk && q.toKm() > q.fromKm();
        if (fromOk && toOk && !rangeOk) {
            v.add("restriction.toKm", "must be after fromKm (" + LineGeometry.fmt(q.fromKm()) + ")");
        }
        if (rangeOk && line.inside(defectKm) && (defectKm < q.fromKm() || defectKm > q.toKm())) {
            v.add(
                    "restriction.fromKm",
                    "the range " + LineGeometry.fmt(q.fromKm()) + " … " + LineGeometry.fmt(q.toKm())
                            + " must cover the defect at km " + LineGeometry.fmt(defectKm));
        }
        if (q.speedKmh() <= 0) {
            v.add("restriction.speedKmh", "must be above 0");
        } else if (rangeOk) {
            // the same rule the running-time calculation applies, so a restriction accepted here is never refused there
            for (Section s : line.sectionsTouching(q.fromKm(), q.toKm())) {
                if (q.speedKmh() >= s.lineSpeedKmh()) {
                    v.add(
                            "restriction.speedKmh",
                            q.speedKmh() + " km/h is not below the line speed of " + s.from() + "–" + s.to() + " ("
                                    + s.lineSpeedKmh() + " km/h)");
                    break;
                }
            }
        }
        v.check(q.validFrom() != null, "restriction.validFrom", "is required");
        if (q.validTo() == null) {
            v.add("restriction.validTo", "is required");
        } else if (q.validFrom() != null && !q.validTo().isAfter(q.validFrom())) {
            v.add("restriction.validTo", "must be after validFrom (" + q.validFrom() + ")");
        }
    }
}
