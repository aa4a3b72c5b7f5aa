package org.lancang.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;
import org.lancang.store.testing.TestDatabase;

class GroupCommitTest {
    @Test
    void everyAcknowledgedWriteIsCommittedAndABadOneFailsAlone() throws Exception {
        try (Database db = Database.start(TestDatabase.fresh()); GroupCommit commits = new GroupCommit(db.jdbi(), "test")) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE t (id int PRIMARY KEY)"));
            commits.commit(h -> h.execute("INSERT INTO t VALUES (?)", -1));
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                int id = i;
                acks.add(CompletableFuture.supplyAsync(() -> commits.submit(h -> h.execute("INSERT INTO t VALUES (?)", id)),
                        pool).thenCompose(f -> f));
            }
            CompletableFuture<Void> duplicate = commits.submit(h -> h.execute("INSERT INTO t VALUES (?)", -1));
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
            assertThatThrownBy(duplicate::join).hasRootCauseInstanceOf(org.postgresql.util.PSQLException.class);
            pool.shutdown();
            long rows = db.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM t").mapTo(Long.class).one());
            assertThat(rows).isEqualTo(2001);
        }
    }
}
