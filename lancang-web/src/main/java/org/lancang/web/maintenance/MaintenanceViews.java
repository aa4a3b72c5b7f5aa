package org.lancang.web.maintenance;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lancang.maintenance.Asset;
import org.lancang.maintenance.AssetType;
import org.lancang.maintenance.Defect;
import org.lancang.maintenance.DefectStatus;
import org.lancang.maintenance.DueInspection;
import org.lancang.maintenance.InspectionOutcome;
import org.lancang.maintenance.InspectionResult;
import org.lancang.maintenance.InspectionSchedule;
import org.lancang.maintenance.Severity;
import org.lancang.maintenance.SkylightKind;
import org.lancang.maintenance.SkylightPurpose;
import org.lancang.maintenance.SkylightWarning;
import org.lancang.maintenance.SkylightWindow;
import org.lancang.maintenance.StatusChange;
import org.lancang.maintenance.TemporaryRestriction;
import org.lancang.maintenance.WorkOrder;
import org.lancang.maintenance.WorkOrderOrigin;
import org.lancang.maintenance.WorkOrderStatus;
import org.lancang.network.Country;
import org.lancang.store.maintenance.RestrictionImpact;
import org.lancang.timetable.Operator;
import org.lancang.timetable.Possession;
import org.lancang.timetable.SpeedRestriction;
import org.lancang.web.timetable.TimetableViews.ConflictView;

/**
 * What the maintenance API answers, as sales and the timetable do: records of the HTTP layer, so that a change to the
 * core's records is a decision here rather than a silent change of the API. Each has the fields, in the order, that
 * the answers have always had.
 */
public final class MaintenanceViews {
    public record AssetView(
            String id,
            AssetType type,
            String name,
            double fromKm,
            double toKm,
            Country country,
            Operator operator,
            Map<String, String> attributes) {
        public static AssetView of(Asset a) {
            return new AssetView(
                    a.id(), a.type(), a.name(), a.fromKm(), a.toKm(), a.country(), a.operator(), a.attributes());
        }
    }

    public record InspectionView(
            String assetId, LocalDate date, String inspector, InspectionOutcome outcome, String notes) {
        public static InspectionView of(InspectionResult r) {
            return new InspectionView(r.assetId(), r.date(), r.inspector(), r.outcome(), r.notes());
        }
    }

    public record DueInspectionView(AssetView asset, LocalDate lastInspected, LocalDate dueDate, long daysOverdue) {
        static DueInspectionView of(DueInspection d) {
            return new DueInspectionView(AssetView.of(d.asset()), d.lastInspected(), d.dueDate(), d.daysOverdue());
        }
    }

    public record DueView(LocalDate today, List<DueInspectionView> overdue, List<DueInspectionView> due) {
        static DueView of(InspectionSchedule s) {
            return new DueView(
                    s.today(),
                    s.overdue().stream().map(DueInspectionView::of).toList(),
                    s.due().stream().map(DueInspectionView::of).toList());
        }
    }

    public record RestrictionView(
            double fromKm,
            double toKm,
            int speedKmh,
            Instant validFrom,
            Instant validTo,
            Instant liftedAt,
            String liftedBy) {
        static RestrictionView of(TemporaryRestriction r) {
            return r == null
                    ? null
                    : new RestrictionView(
                            r.fromKm(), r.toKm(), r.speedKmh(), r.validFrom(), r.validTo(), r.liftedAt(), r.liftedBy());
        }
    }

    public record DefectView(
            String id,
            String assetId,
            double km,
            Severity severity,
            String description,
            RestrictionView restriction,
            List<String> photoIds,
            String reportedBy,
            Instant reportedAt,
            DefectStatus status,
            String line) {
        /** The defect as shown, with the code of the line its km are on. */
        public static DefectView of(Defect d) {
            return d == null
                    ? null
                    : new DefectView(
                            d.id(),
                            d.assetId(),
                            d.km(),
                            d.severity(),
                            d.description(),
                            RestrictionView.of(d.restriction()),
                            d.photoIds(),
                            d.reportedBy(),
                            d.reportedAt(),
                            d.status(),
                            d.line());
        }
    }

    public record SpeedRestrictionView(double fromKm, double toKm, int speedKmh, Instant validFrom, Instant validTo) {
        static SpeedRestrictionView of(SpeedRestriction r) {
            return new SpeedRestrictionView(r.fromKm(), r.toKm(), r.speedKmh(), r.validFrom(), r.validTo());
        }
    }

    public record TrainDelayView(
            String train, String from, String to, Instant arrivalBefore, Instant arrivalAfter, long delaySeconds) {
        static TrainDelayView of(RestrictionImpact.TrainDelay d) {
            return new TrainDelayView(
                    d.train(), d.from(), d.to(), d.arrivalBefore(), d.arrivalAfter(), d.delaySeconds());
        }
    }

    /** What speed restrictions do to one day of the timetable: the trains they delay and the conflicts they make. */
    public record ImpactView(
            LocalDate date,
            List<SpeedRestrictionView> before,
            List<SpeedRestrictionView> after,
            List<TrainDelayView> trains,
            List<ConflictView> newConflicts,
            List<ConflictView> goneConflicts) {
        public static ImpactView of(RestrictionImpact i) {
            return i == null
                    ? null
                    : new ImpactView(
                            i.date(),
                            i.before().stream().map(SpeedRestrictionView::of).toList(),
                            i.after().stream().map(SpeedRestrictionView::of).toList(),
                            i.trains().stream().map(TrainDelayView::of).toList(),
                            i.newConflicts().stream().map(ConflictView::of).toList(),
                            i.goneConflicts().stream().map(ConflictView::of).toList());
        }
    }

    /** A defect as stored, and what its restriction (or lifting it) does to a day of the timetable. */
    public record DefectImpactView(DefectView defect, ImpactView impact) {}

    /** A skylight window's occurrence on one day, or the window a work order is planned into. */
    public record OccurrenceView(
            String id, String fromPoint, String toPoint, Instant start, Instant end, String description) {
        public static OccurrenceView of(Possession p) {
            return p == null
                    ? null
                    : new OccurrenceView(p.id(), p.fromPoint(), p.toPoint(), p.start(), p.end(), p.description());
        }
    }

    public record StatusChangeView(WorkOrderStatus from, WorkOrderStatus to, String by, Instant at, String detail) {
        static StatusChangeView of(StatusChange c) {
            return new StatusChangeView(c.from(), c.to(), c.by(), c.at(), c.detail());
        }
    }

    public record WorkOrderView(
            String id,
            WorkOrderOrigin origin,
            String assetId,
            String defectId,
            String title,
            WorkOrderStatus status,
            OccurrenceView window,
            String crew,
            List<StatusChangeView> history) {
        public static WorkOrderView of(WorkOrder w) {
            return new WorkOrderView(
                    w.id(),
                    w.origin(),
                    w.assetId(),
                    w.defectId(),
                    w.title(),
                    w.status(),
                    OccurrenceView.of(w.window()),
                    w.crew(),
                    w.history().stream().map(StatusChangeView::of).toList());
        }
    }

    public record MovedView(WorkOrderView workOrder, DefectView defect, ImpactView impact) {}

    public record WindowView(
            String id,
            String fromPoint,
            String toPoint,
            Set<DayOfWeek> days,
            LocalTime start,
            Duration duration,
            SkylightKind kind,
            SkylightPurpose purpose,
            String description) {
        public static WindowView of(SkylightWindow w) {
            return new WindowView(
                    w.id(),
                    w.fromPoint(),
                    w.toPoint(),
                    w.days(),
                    w.start(),
                    w.duration(),
                    w.kind(),
                    w.purpose(),
                    w.description());
        }
    }

    public record WarningView(SkylightWarning.Code code, String subject, String field, String message) {
        public static WarningView of(SkylightWarning w) {
            return new WarningView(w.code(), w.subject(), w.field(), w.message());
        }
    }

    /** A window as planned, with the rules it falls short of. */
    public record WindowPlannedView(WindowView window, List<WarningView> warnings) {}

    public record PhotoView(String id, String defectId, String mediaType, int size, String url) {}

    private MaintenanceViews() {}
}
