package org.lancang.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lancang.store.testing.TestDatabase;

class NamedSqlTest {
    @Test
    void namesBecomePositionsInTheirOrderLeavingQuotesAndCastsAlone() {
        NamedSql sql =
                NamedSql.parse("UPDATE t SET note = 'at 10:30', \"odd:col\" = :note WHERE id = :id AND :id::int > 0");
        assertThat(sql.positional())
                .isEqualTo("UPDATE t SET note = 'at 10:30', \"odd:col\" = ? WHERE id = ? AND ?::int > 0");
        assertThat(sql.names()).containsExactly("note", "id", "id");
    }

    @Test
    void bindsNullsAndTypedValuesAndRefusesAMissingName() throws Exception {
        try (Database db = Database.start(TestDatabase.fresh())) {
            db.jdbi().useHandle(h -> {
                h.execute("CREATE TABLE t (id uuid PRIMARY KEY, day date, at timestamptz, n bigint, note text)");
                java.util.UUID id = java.util.UUID.randomUUID();
                java.util.HashMap<String, Object> values = new java.util.HashMap<>(Map.of(
                        "id",
                        id,
                        "day",
                        java.time.LocalDate.of(2026, 12, 3),
                        "n",
                        7L,
                        "at",
                        java.time.OffsetDateTime.parse("2026-12-03T08:00:00Z")));
                values.put("note", null);
                GroupCommit.execute(
                        h,
                        List.of(new GroupCommit.Statement("INSERT INTO t VALUES (:id, :day, :at, :n, :note)", values)));
                assertThat(h.createQuery(
                                        "SELECT day || ' ' || n || ' ' || (note IS NULL) || ' ' || extract(epoch FROM at)"
                                                + " FROM t WHERE id = :id")
                                .bind("id", id)
                                .mapTo(String.class)
                                .one())
                        .isEqualTo("2026-12-03 7 true "
                                + java.time.Instant.parse("2026-12-03T08:00:00Z")
                                        .getEpochSecond() + ".000000");
                assertThatThrownBy(() -> GroupCommit.execute(
                                h,
                                List.of(new GroupCommit.Statement(
                                        "INSERT INTO t (id) VALUES (:missing)", Map.of("id", id)))))
                        .hasMessageContaining(":missing");
            });
        }
    }
}
