package org.lancang.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lancang.store.testing.TestDatabase;
import org.postgresql.util.PSQLException;

class GroupCommitTest {
    @Test
    void everyAcknowledgedWriteIsCommittedAndABadOneFailsAlone() throws Exception {
        try (Database db = Database.start(TestDatabase.fresh());
                GroupCommit commits = new GroupCommit(db.jdbi(), "test")) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE t (id int PRIMARY KEY)"));
            commits.commit(h -> h.execute("INSERT INTO t VALUES (?)", -1));
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            for (int i = 0; i < 2000; i++) {
                int id = i;
                acks.add(CompletableFuture.supplyAsync(
                                () -> commits.submit(h -> h.execute("INSERT INTO t VALUES (?)", id)), pool)
                        .thenCompose(f -> f));
            }
            CompletableFuture<Void> duplicate = commits.submit(h -> h.execute("INSERT INTO t VALUES (?)", -1));
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
            assertThatThrownBy(duplicate::join).hasRootCauseInstanceOf(PSQLException.class);
            pool.shutdown();
            long rows = db.jdbi()
                    .withHandle(h -> h.createQuery("SELECT count(*) FROM t")
                            .mapTo(Long.class)
                            .one());
            assertThat(rows).isEqualTo(2001);
        }
    }

    @ParameterizedTest(name = "{0} committer(s)")
    @ValueSource(ints = {1, 3})
    void plainStatementsAreBatchedYetKeepEachWritesOrder(int committers) throws Exception {
        try (Database db = Database.start(TestDatabase.fresh());
                GroupCommit commits = new GroupCommit(db.jdbi(), "test", committers)) {
            db.jdbi()
                    .useHandle(h -> h.execute("CREATE TABLE parent (id int PRIMARY KEY, state text NOT NULL);"
                            + " CREATE TABLE child (parent int NOT NULL REFERENCES parent (id), n int, note text)"));
            String parent = "INSERT INTO parent (id, state) VALUES (:id, 'new')";
            String child = "INSERT INTO child (parent, n, note) VALUES (:p, :n, :note)";
            String mark = "UPDATE parent SET state = 'marked' WHERE id = :id";
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                int id = i;
                List<GroupCommit.Statement> write = new ArrayList<>();
                if (id % 7 == 3) { // the other way round: the update must still come after this write's insert
                    write.add(new GroupCommit.Statement(parent, Map.of("id", id)));
                    write.add(new GroupCommit.Statement(mark, Map.of("id", id)));
                    write.add(new GroupCommit.Statement(child, nullable(id, 0, null)));
                } else {
                    write.add(new GroupCommit.Statement(parent, Map.of("id", id)));
                    write.add(new GroupCommit.Statement(child, nullable(id, 0, "first")));
                    write.add(new GroupCommit.Statement(child, nullable(id, 1, null)));
                    write.add(new GroupCommit.Statement(mark, Map.of("id", id)));
                }
                acks.add(CompletableFuture.supplyAsync(
                                () -> id % 100 == 50
                                        ? commits.submit(h -> h.execute("INSERT INTO parent VALUES (?, 'marked')", id))
                                        : commits.submit(write),
                                pool)
                        .thenCompose(f -> f));
            }
            CompletableFuture<Void> orphan =
                    commits.submit(List.of(new GroupCommit.Statement(child, nullable(-5, 0, "x"))));
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).join();
            assertThatThrownBy(orphan::join).hasRootCauseInstanceOf(PSQLException.class);
            pool.shutdown();
            long children = IntStream.range(0, 3000)
                    .filter(i -> i % 100 != 50)
                    .map(i -> i % 7 == 3 ? 1 : 2)
                    .sum();
            db.jdbi().useHandle(h -> {
                assertThat(h.createQuery("SELECT count(*) FROM parent WHERE state = 'marked'")
                                .mapTo(Long.class)
                                .one())
                        .isEqualTo(3000);
                assertThat(h.createQuery("SELECT count(*) FROM child")
                                .mapTo(Long.class)
                                .one())
                        .isEqualTo(children);
                assertThat(h.createQuery("SELECT count(*) FROM child WHERE note IS NULL")
                                .mapTo(Long.class)
                                .one())
                        .isEqualTo(3000 - 30);
            });
        }
    }

    @Test
    void theCommitterGoesOnWhileAnAnswerIsStillBeingDelivered() throws Exception {
        try (Database db = Database.start(TestDatabase.fresh());
                GroupCommit commits = new GroupCommit(db.jdbi(), "test")) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE t (id int PRIMARY KEY)"));
            CountDownLatch answering = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            // the first batch waits until its answer is attached: had it committed first, thenRun would run the
            // answer on this thread, which would then wait for itself
            CountDownLatch attached = new CountDownLatch(1);
            CompletableFuture<Void> slowAnswer = commits.submit(h -> {
                        await(attached);
                        h.execute("INSERT INTO t VALUES (1)");
                    })
                    .thenRun(
                            () -> { // like a response written to a slow client
                                answering.countDown();
                                await(release);
                            });
            attached.countDown();
            assertThat(answering.await(30, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> next = commits.submit(h -> h.execute("INSERT INTO t VALUES (2)"));
            // committed by the (only) committer although the first answer has not been delivered yet
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (count(db, "SELECT count(*) FROM t WHERE id = 2") == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(count(db, "SELECT count(*) FROM t WHERE id = 2")).isEqualTo(1);
            assertThat(next).isNotDone(); // its answer comes in order, after the first one's
            release.countDown();
            next.get(30, TimeUnit.SECONDS);
            slowAnswer.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void whatFollowsAFailureMayWaitForTheWriterItself() throws Exception {
        try (Database db = Database.start(TestDatabase.fresh());
                GroupCommit commits = new GroupCommit(db.jdbi(), "test")) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE t (id int PRIMARY KEY)"));
            commits.commit(h -> h.execute("INSERT INTO t VALUES (1)"));
            // as a failed hold gives its seats back and offers them to the waitlist, committed before it goes on
            CompletableFuture<Void> compensated = commits.submit(h -> h.execute("INSERT INTO t VALUES (1)"))
                    .exceptionally(failure -> {
                        commits.commit(h -> h.execute("INSERT INTO t VALUES (2)"));
                        return null;
                    });
            compensated.get(30, TimeUnit.SECONDS);
            assertThat(count(db, "SELECT count(*) FROM t")).isEqualTo(2);
        }
    }

    private static long count(Database db, String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, Object> nullable(int parent, int n, String note) {
        Map<String, Object> m = new HashMap<>();
        m.put("p", parent);
        m.put("n", n);
        m.put("note", note);
        return m;
    }
}
