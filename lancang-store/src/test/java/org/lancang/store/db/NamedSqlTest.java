package org.lancang.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
                UUID id = UUID.randomUUID();
                HashMap<String, Object> values = new HashMap<>(Map.of(
                        "id",
                        id,
                        "day",
                        LocalDate.of(2026, 12, 3),
                        "n",
                        7L,
                        "at",
                        OffsetDateTime.parse("2026-12-03T08:00:00Z")));
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
                                + Instant.parse("2026-12-03T08:00:00Z").getEpochSecond() + ".000000");
                assertThatThrownBy(() -> GroupCommit.execute(
                                h,
                                List.of(new GroupCommit.Statement(
                                        "INSERT INTO t (id) VALUES (:missing)", Map.of("id", id)))))
                        .hasMessageContaining(":missing");
            });
        }
    }
}
