package org.lancang.store.changes;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.lancang.timetable.TimetableFile;
import org.lancang.timetable.change.ChangeOrigin;
import org.lancang.timetable.change.ChangeScope;
import org.lancang.timetable.change.Edit;
import org.lancang.timetable.change.TimetableChange;

/** Changes and their edits in PostgreSQL (tables timetable_change and timetable_change_edit, migration V30). */
final class ChangeRows {
    private ChangeRows() {}

    static void insert(Handle h, String network, String id, TimetableChange c, String user, Instant now) {
        h.createUpdate("INSERT INTO timetable_change (id, network, title, origin, scope_from, scope_to, scope_days,"
                        + " status, created_by, created_at) VALUES (:id, :network, :title, :origin, :from, :to, :days,"
                        + " 'DRAFT', :by, :at)")
                .bind("id", id)
                .bind("network", network)
                .bind("title", c.title())
                .bind("origin", c.origin().name())
                .bind("from", c.scope().from())
                .bind("to", c.scope().to())
                .bind("days", days(c.scope().days()))
                .bind("by", user)
                .bind("at", utc(now))
                .execute();
        int idx = 0;
        for (Edit e : c.edits()) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", id);
            row.put("idx", idx++);
            row.put("train", e.train());
            row.put("departure", null);
            row.put("plan", null);
            row.put("stops", null);
            row.put("meets", null);
            if (e instanceof Edit.Move m) {
                row.put("kind", "MOVE");
                row.put("departure", m.departure());
            } else if (e instanceof Edit.Add a) {
                row.put("kind", "ADD");
                row.put("plan", TimetableFile.format(List.of(a.plan())));
            } else if (e instanceof Edit.Cancel) {
                row.put("kind", "CANCEL");
            } else if (e instanceof Edit.ReplaceStops r) {
                row.put("kind", "REPLACE_STOPS");
                row.put("stops", TimetableFile.formatStops(r.stops()));
                row.put("meets", TimetableFile.formatStops(r.meets()));
            }
            h.createUpdate("INSERT INTO timetable_change_edit (change_id, idx, kind, train, departure, plan_csv,"
                            + " stops, meets) VALUES (:id, :idx, :kind, :train, :departure, :plan, :stops, :meets)")
                    .bindMap(row)
                    .execute();
        }
    }

    /**
     * The numbers of the trains added by every published change, per network code: read and nothing else, for a
     * restart's check across the networks served.
     */
    static Map<String, List<String>> publishedAdditions(Handle h) {
        Map<String, List<String>> out = new HashMap<>();
        h.createQuery("SELECT c.network, e.train FROM timetable_change_edit e JOIN timetable_change c"
                        + " ON c.id = e.change_id WHERE c.status = 'PUBLISHED' AND e.kind = 'ADD'"
                        + " ORDER BY c.published_seq, e.idx")
                .map((rs, ctx) -> out.computeIfAbsent(rs.getString("network"), k -> new ArrayList<>())
                        .add(rs.getString("train")))
                .list();
        return out;
    }

    /** Every change of a network, oldest first (published ones in the order of publication among themselves). */
    static List<ChangeRecord> all(Handle h, String network) {
        Map<String, List<Edit>> edits = new HashMap<>();
        h.createQuery("SELECT e.* FROM timetable_change_edit e JOIN timetable_change c ON c.id = e.change_id"
                        + " WHERE c.network = :network ORDER BY e.change_id, e.idx")
                .bind("network", network)
                .map((rs, ctx) -> {
                    String train = rs.getString("train");
                    Edit e = switch (rs.getString("kind")) {
                        case "MOVE" -> new Edit.Move(train, rs.getObject("departure", LocalTime.class));
                        case "ADD" ->
                            new Edit.Add(TimetableFile.parse("change", rs.getString("plan_csv"))
                                    .get(0));
                        case "CANCEL" -> new Edit.Cancel(train);
                        default ->
                            new Edit.ReplaceStops(
                                    train,
                                    TimetableFile.parseStops("stops", rs.getString("stops")),
                                    TimetableFile.parseStops("meets", rs.getString("meets")));
                    };
                    edits.computeIfAbsent(rs.getString("change_id"), k -> new ArrayList<>())
                            .add(e);
                    return null;
                })
                .list();
        return h.createQuery("SELECT * FROM timetable_change WHERE network = :network"
                        + " ORDER BY published_seq NULLS LAST, created_at, id")
                .bind("network", network)
                .map((rs, ctx) -> {
                    String id = rs.getString("id");
                    TimetableChange change = new TimetableChange(
                            rs.getString("title"),
                            ChangeOrigin.valueOf(rs.getString("origin")),
                            new ChangeScope(
                                    rs.getObject("scope_from", LocalDate.class),
                                    rs.getObject("scope_to", LocalDate.class),
                                    days(rs.getString("scope_days"))),
                            edits.getOrDefault(id, List.of()));
                    return new ChangeRecord(
                            id,
                            rs.getString("network"),
                            change,
                            ChangeStatus.valueOf(rs.getString("status")),
                            rs.getString("created_by"),
                            instant(rs.getObject("created_at", OffsetDateTime.class)),
                            rs.getString("published_by"),
                            instant(rs.getObject("published_at", OffsetDateTime.class)),
                            (Integer) rs.getObject("notified"),
                            rs.getString("undone_by"),
                            instant(rs.getObject("undone_at", OffsetDateTime.class)));
                })
                .list();
    }

    /** Moves a change from one status to another; false when it was no longer in {@code from} (raced). */
    static boolean publish(Handle h, String id, String user, Instant now, int notified) {
        return h.createUpdate("UPDATE timetable_change SET status = 'PUBLISHED',"
                                + " published_seq = nextval('timetable_change_publication'), published_by = :by,"
                                + " published_at = :at, notified = :n WHERE id = :id AND status = 'DRAFT'")
                        .bind("by", user)
                        .bind("at", utc(now))
                        .bind("n", notified)
                        .bind("id", id)
                        .execute()
                == 1;
    }

    static boolean undo(Handle h, String id, String user, Instant now) {
        return h.createUpdate("UPDATE timetable_change SET status = 'UNDONE', undone_by = :by, undone_at = :at"
                                + " WHERE id = :id AND status = 'PUBLISHED'")
                        .bind("by", user)
                        .bind("at", utc(now))
                        .bind("id", id)
                        .execute()
                == 1;
    }

    static boolean discard(Handle h, String id, String user, Instant now) {
        return h.createUpdate("UPDATE timetable_change SET status = 'DISCARDED', undone_by = :by, undone_at = :at"
                                + " WHERE id = :id AND status = 'DRAFT'")
                        .bind("by", user)
                        .bind("at", utc(now))
                        .bind("id", id)
                        .execute()
                == 1;
    }

    private static String days(Set<DayOfWeek> days) {
        return days.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(" "));
    }

    private static Set<DayOfWeek> days(String text) {
        EnumSet<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String d : text.split(" ")) {
            out.add(DayOfWeek.valueOf(d));
        }
        return out;
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
