package org.lancang.store.maintenance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.lancang.maintenance.Asset;
import org.lancang.maintenance.AssetType;
import org.lancang.maintenance.Defect;
import org.lancang.maintenance.DefectStatus;
import org.lancang.maintenance.InspectionOutcome;
import org.lancang.maintenance.InspectionResult;
import org.lancang.maintenance.Severity;
import org.lancang.maintenance.SkylightKind;
import org.lancang.maintenance.SkylightPurpose;
import org.lancang.maintenance.SkylightWindow;
import org.lancang.maintenance.StatusChange;
import org.lancang.maintenance.TemporaryRestriction;
import org.lancang.maintenance.WorkOrder;
import org.lancang.maintenance.WorkOrderOrigin;
import org.lancang.maintenance.WorkOrderStatus;
import org.lancang.network.Country;
import org.lancang.network.Network;
import org.lancang.timetable.Operator;
import org.lancang.timetable.Possession;

/** The SQL of maintenance: maps the core's values to the V4 tables and back. Each method runs on the caller's handle. */
final class MaintenanceRecords {
    private MaintenanceRecords() {}

    static long nextNumber(Handle h) {
        return h.createQuery("SELECT nextval('maintenance_number')")
                .mapTo(Long.class)
                .one();
    }

    // ---- assets

    static void insertAsset(Handle h, String network, Asset a, String by, Instant at) {
        h.createUpdate("INSERT INTO asset (id, type, name, from_km, to_km, country, operator, updated_by, updated_at,"
                        + " network) VALUES (:id, :type, :name, :from, :to, :country, :operator, :by, :at, :network)")
                .bind("network", network)
                .bind("id", a.id())
                .bind("type", a.type().name())
                .bind("name", a.name())
                .bind("from", a.fromKm())
                .bind("to", a.toKm())
                .bind("country", a.country().name())
                .bind("operator", a.operator().name())
                .bind("by", by)
                .bind("at", ts(at))
                .execute();
        insertAttributes(h, a);
    }

    static void updateAsset(Handle h, Asset a, String by, Instant at) {
        h.createUpdate("UPDATE asset SET type = :type, name = :name, from_km = :from, to_km = :to, country = :country,"
                        + " operator = :operator, updated_by = :by, updated_at = :at WHERE id = :id")
                .bind("id", a.id())
                .bind("type", a.type().name())
                .bind("name", a.name())
                .bind("from", a.fromKm())
                .bind("to", a.toKm())
                .bind("country", a.country().name())
                .bind("operator", a.operator().name())
                .bind("by", by)
                .bind("at", ts(at))
                .execute();
        h.createUpdate("DELETE FROM asset_attribute WHERE asset_id = :id")
                .bind("id", a.id())
                .execute();
        insertAttributes(h, a);
    }

    private static void insertAttributes(Handle h, Asset a) {
        var batch = h.prepareBatch("INSERT INTO asset_attribute (asset_id, key, value) VALUES (:id, :k, :v)");
        a.attributes()
                .forEach((k, v) ->
                        batch.bind("id", a.id()).bind("k", k).bind("v", v).add());
        if (!a.attributes().isEmpty()) {
            batch.execute();
        }
    }

    /** The network that has an asset of this id, if any (ids are unique across the networks). */
    static Optional<String> assetNetwork(Handle h, String id) {
        return h.createQuery("SELECT network FROM asset WHERE id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findOne();
    }

    /** The network that has a skylight window of this id, if any (ids are unique across the networks). */
    static Optional<String> windowNetwork(Handle h, String id) {
        return h.createQuery("SELECT network FROM skylight_window WHERE id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findOne();
    }

    static List<Asset> assets(Handle h, Network network) {
        Map<String, Map<String, String>> attributes = new HashMap<>();
        h.createQuery("SELECT asset_id, key, value FROM asset_attribute"
                        + " WHERE asset_id IN (SELECT id FROM asset WHERE network = :n)")
                .bind("n", network.code())
                .map((rs, ctx) -> {
                    attributes
                            .computeIfAbsent(rs.getString("asset_id"), k -> new LinkedHashMap<>())
                            .put(rs.getString("key"), rs.getString("value"));
                    return null;
                })
                .list();
        return h.createQuery("SELECT * FROM asset WHERE network = :n ORDER BY from_km, to_km, id")
                .bind("n", network.code())
                .map((rs, ctx) -> new Asset(
                        rs.getString("id"),
                        AssetType.valueOf(rs.getString("type")),
                        rs.getString("name"),
                        rs.getDouble("from_km"),
                        rs.getDouble("to_km"),
                        country(network, rs.getString("country")),
                        Operator.valueOf(rs.getString("operator")),
                        attributes.getOrDefault(rs.getString("id"), Map.of())))
                .list();
    }

    /** A stored country: its code, or the name of the enum it once was (CN_LA for the border). */
    private static Country country(Network network, String stored) {
        return network.country(stored)
                .or(() -> network.country(stored.replace('_', '/')))
                .orElseThrow(
                        () -> new IllegalStateException("stored asset country " + stored + " is not in the network"));
    }

    // ---- inspections

    static void insertInspection(Handle h, InspectionResult r, String by, Instant at) {
        h.createUpdate("INSERT INTO inspection (asset_id, inspected_on, inspector, outcome, notes, recorded_by,"
                        + " recorded_at) VALUES (:a, :d, :i, :o, :n, :by, :at)")
                .bind("a", r.assetId())
                .bind("d", r.date())
                .bind("i", r.inspector())
                .bind("o", r.outcome().name())
                .bind("n", r.notes())
                .bind("by", by)
                .bind("at", ts(at))
                .execute();
    }

    static List<InspectionResult> inspections(Handle h, String network) {
        return h.createQuery("SELECT * FROM inspection WHERE asset_id IN (SELECT id FROM asset WHERE network = :n)"
                        + " ORDER BY inspected_on, id")
                .bind("n", network)
                .map((rs, ctx) -> new InspectionResult(
                        rs.getString("asset_id"),
                        rs.getObject("inspected_on", LocalDate.class),
                        rs.getString("inspector"),
                        InspectionOutcome.valueOf(rs.getString("outcome")),
                        rs.getString("notes")))
                .list();
    }

    /**
     * The repair step of ADR 0033: a defect stored with no line (V82 kept older rows so, null meaning the main line)
     * gets the network's first line, and on a network of several lines an asset with no {@code line} attribute gets
     * it too, so every row reads with its line named and nothing in memory guesses one. SQL alone cannot do this in a
     * migration: the lines of a network served from its folder are not in the database (network_line holds only
     * home's, and none for a home of one line). Idempotent: rows that name their line are left alone.
     *
     * @return the rows given their line
     */
    static int nameTheirLines(Handle h, Network network) {
        String first = network.mainLine().code();
        int rows = h.createUpdate("UPDATE defect SET line = :line WHERE network = :n AND line IS NULL")
                .bind("line", first)
                .bind("n", network.code())
                .execute();
        if (network.lines().size() > 1) {
            // 'line' is AssetRegister's attribute naming the line of an asset's km
            rows += h.createUpdate("INSERT INTO asset_attribute (asset_id, key, value) SELECT a.id, 'line', :line"
                            + " FROM asset a WHERE a.network = :n AND NOT EXISTS (SELECT 1 FROM asset_attribute x"
                            + " WHERE x.asset_id = a.id AND x.key = 'line')")
                    .bind("line", first)
                    .bind("n", network.code())
                    .execute();
        }
        return rows;
    }

    // ---- defects and photos

    static void insertDefect(Handle h, String network, Defect d) {
        TemporaryRestriction r = d.restriction();
        h.createUpdate("INSERT INTO defect (id, asset_id, km, severity, description, reported_by, reported_at, status,"
                        + " r_from_km, r_to_km, r_speed_kmh, r_valid_from, r_valid_to, r_lifted_at, r_lifted_by,"
                        + " network, line) VALUES (:id, :asset, :km, :sev, :desc, :by, :at, :status, :rf, :rt, :rs,"
                        + " :vf, :vt, :la, :lb, :network, :line)")
                .bind("network", network)
                .bind("line", d.line())
                .bind("id", d.id())
                .bind("asset", d.assetId())
                .bind("km", d.km())
                .bind("sev", d.severity().name())
                .bind("desc", d.description())
                .bind("by", d.reportedBy())
                .bind("at", ts(d.reportedAt()))
                .bind("status", d.status().name())
                .bind("rf", r == null ? null : r.fromKm())
                .bind("rt", r == null ? null : r.toKm())
                .bind("rs", r == null ? null : r.speedKmh())
                .bind("vf", r == null ? null : ts(r.validFrom()))
                .bind("vt", r == null ? null : ts(r.validTo()))
                .bind("la", r == null ? null : ts(r.liftedAt()))
                .bind("lb", r == null ? null : r.liftedBy())
                .execute();
    }

    /** Stores what can change on a defect: its status and the lifting of its restriction. */
    static void updateDefect(Handle h, Defect d) {
        TemporaryRestriction r = d.restriction();
        h.createUpdate("UPDATE defect SET status = :status, r_lifted_at = :la, r_lifted_by = :lb WHERE id = :id")
                .bind("id", d.id())
                .bind("status", d.status().name())
                .bind("la", r == null ? null : ts(r.liftedAt()))
                .bind("lb", r == null ? null : r.liftedBy())
                .execute();
    }

    /** Every defect of every network. */
    static List<Defect> defects(Handle h) {
        return defects(h, null);
    }

    /** The defects of one network ({@code null}: of every network). */
    static List<Defect> defects(Handle h, String network) {
        Map<String, List<String>> photos = new HashMap<>();
        h.createQuery("SELECT id, defect_id FROM defect_photo ORDER BY uploaded_at, id")
                .map((rs, ctx) -> photos.computeIfAbsent(rs.getString("defect_id"), k -> new ArrayList<>())
                        .add(rs.getString("id")))
                .list();
        return h.createQuery(
                        "SELECT * FROM defect WHERE network = coalesce(:n::text, network) ORDER BY reported_at, id")
                .bind("n", network)
                .map((rs, ctx) -> {
                    TemporaryRestriction r = rs.getObject("r_speed_kmh") == null
                            ? null
                            : new TemporaryRestriction(
                                    rs.getDouble("r_from_km"),
                                    rs.getDouble("r_to_km"),
                                    rs.getInt("r_speed_kmh"),
                                    instant(rs, "r_valid_from"),
                                    instant(rs, "r_valid_to"),
                                    instant(rs, "r_lifted_at"),
                                    rs.getString("r_lifted_by"));
                    return new Defect(
                            rs.getString("id"),
                            rs.getString("asset_id"),
                            rs.getDouble("km"),
                            Severity.valueOf(rs.getString("severity")),
                            rs.getString("description"),
                            r,
                            photos.getOrDefault(rs.getString("id"), List.of()),
                            rs.getString("reported_by"),
                            instant(rs, "reported_at"),
                            DefectStatus.valueOf(rs.getString("status")),
                            rs.getString("line"));
                })
                .list();
    }

    static void insertPhoto(Handle h, Photo p) {
        h.createUpdate("INSERT INTO defect_photo (id, defect_id, media_type, bytes, uploaded_by, uploaded_at)"
                        + " VALUES (:id, :d, :t, :b, :by, :at)")
                .bind("id", p.id())
                .bind("d", p.defectId())
                .bind("t", p.mediaType())
                .bind("b", p.bytes())
                .bind("by", p.uploadedBy())
                .bind("at", ts(p.uploadedAt()))
                .execute();
    }

    static Optional<Photo> photo(Handle h, UUID id) {
        return h.createQuery("SELECT * FROM defect_photo WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> new Photo(
                        rs.getObject("id", UUID.class),
                        rs.getString("defect_id"),
                        rs.getString("media_type"),
                        rs.getBytes("bytes"),
                        rs.getString("uploaded_by"),
                        instant(rs, "uploaded_at")))
                .findOne();
    }

    // ---- work orders

    static void insertWorkOrder(Handle h, String network, WorkOrder o) {
        h.createUpdate("INSERT INTO work_order (id, origin, asset_id, defect_id, title, status, network) VALUES"
                        + " (:id, :origin, :asset, :defect, :title, :status, :network)")
                .bind("network", network)
                .bind("id", o.id())
                .bind("origin", o.origin().name())
                .bind("asset", o.assetId())
                .bind("defect", o.defectId())
                .bind("title", o.title())
                .bind("status", o.status().name())
                .execute();
        insertStep(h, o, 0);
    }

    /** Stores the order's new status, window and crew, and the one step the move appended to its history. */
    static void updateWorkOrder(Handle h, WorkOrder o) {
        Possession w = o.window();
        h.createUpdate(
                        "UPDATE work_order SET status = :status, crew = :crew, window_id = :wid, window_from = :wf,"
                                + " window_to = :wt, window_start = :ws, window_end = :we, window_description = :wd WHERE id = :id")
                .bind("id", o.id())
                .bind("status", o.status().name())
                .bind("crew", o.crew())
                .bind("wid", w == null ? null : w.id())
                .bind("wf", w == null ? null : w.fromPoint())
                .bind("wt", w == null ? null : w.toPoint())
                .bind("ws", w == null ? null : ts(w.start()))
                .bind("we", w == null ? null : ts(w.end()))
                .bind("wd", w == null ? null : w.description())
                .execute();
        insertStep(h, o, o.history().size() - 1);
    }

    private static void insertStep(Handle h, WorkOrder o, int seq) {
        StatusChange c = o.history().get(seq);
        h.createUpdate("INSERT INTO work_order_step (work_order_id, seq, from_status, to_status, by_user, at, detail)"
                        + " VALUES (:id, :seq, :from, :to, :by, :at, :detail)")
                .bind("id", o.id())
                .bind("seq", seq)
                .bind("from", c.from() == null ? null : c.from().name())
                .bind("to", c.to().name())
                .bind("by", c.by())
                .bind("at", ts(c.at()))
                .bind("detail", c.detail())
                .execute();
    }

    static List<WorkOrder> workOrders(Handle h, String network) {
        Map<String, List<StatusChange>> steps = new HashMap<>();
        h.createQuery("SELECT * FROM work_order_step ORDER BY work_order_id, seq")
                .map((rs, ctx) -> steps.computeIfAbsent(rs.getString("work_order_id"), k -> new ArrayList<>())
                        .add(new StatusChange(
                                rs.getString("from_status") == null
                                        ? null
                                        : WorkOrderStatus.valueOf(rs.getString("from_status")),
                                WorkOrderStatus.valueOf(rs.getString("to_status")),
                                rs.getString("by_user"),
                                instant(rs, "at"),
                                rs.getString("detail"))))
                .list();
        return h.createQuery("SELECT * FROM work_order WHERE network = :n ORDER BY id")
                .bind("n", network)
                .map((rs, ctx) -> {
                    Possession w = rs.getString("window_id") == null
                            ? null
                            : new Possession(
                                    rs.getString("window_id"),
                                    rs.getString("window_from"),
                                    rs.getString("window_to"),
                                    instant(rs, "window_start"),
                                    instant(rs, "window_end"),
                                    rs.getString("window_description"));
                    return new WorkOrder(
                            rs.getString("id"),
                            WorkOrderOrigin.valueOf(rs.getString("origin")),
                            rs.getString("asset_id"),
                            rs.getString("defect_id"),
                            rs.getString("title"),
                            WorkOrderStatus.valueOf(rs.getString("status")),
                            w,
                            rs.getString("crew"),
                            steps.getOrDefault(rs.getString("id"), List.of()));
                })
                .list();
    }

    // ---- skylight windows

    static void insertWindow(Handle h, String network, SkylightWindow w, String by, Instant at) {
        h.createUpdate(
                        "INSERT INTO skylight_window (id, from_point, to_point, days, start_time, duration_minutes, kind,"
                                + " purpose, description, created_by, created_at, network) VALUES (:id, :f, :t, :days,"
                                + " :start, :dur, :kind, :purpose, :desc, :by, :at, :network)")
                .bind("network", network)
                .bind("id", w.id())
                .bind("f", w.fromPoint())
                .bind("t", w.toPoint())
                .bind("days", w.days().stream().map(Enum::name).collect(Collectors.joining(",")))
                .bind("start", w.start())
                .bind("dur", (int) w.duration().toMinutes())
                .bind("kind", w.kind().name())
                .bind("purpose", w.purpose().name())
                .bind("desc", w.description())
                .bind("by", by)
                .bind("at", ts(at))
                .execute();
    }

    static List<SkylightWindow> windows(Handle h, String network) {
        return h.createQuery("SELECT * FROM skylight_window WHERE network = :n ORDER BY id")
                .bind("n", network)
                .map((rs, ctx) -> {
                    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                    Arrays.stream(rs.getString("days").split(","))
                            .map(DayOfWeek::valueOf)
                            .forEach(days::add);
                    return new SkylightWindow(
                            rs.getString("id"),
                            rs.getString("from_point"),
                            rs.getString("to_point"),
                            days,
                            rs.getObject("start_time", LocalTime.class),
                            Duration.ofMinutes(rs.getInt("duration_minutes")),
                            SkylightKind.valueOf(rs.getString("kind")),
                            SkylightPurpose.valueOf(rs.getString("purpose")),
                            rs.getString("description"));
                })
                .list();
    }

    // ---- helpers

    static OffsetDateTime ts(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
