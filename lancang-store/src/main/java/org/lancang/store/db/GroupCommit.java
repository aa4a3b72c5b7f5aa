package org.lancang.store.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: many writers hand in their writes, a committer thread commits whatever has queued up in a single
 * transaction, and each writer learns only then that its write is durable. Under load one commit (one fsync) serves many requests,
 * so the database is not the bottleneck; with one request it is as quick as a plain commit. If a batch fails, its
 * writes are retried one by one so that one bad write fails alone.
 * <p>
 * A write is either free-form work on the transaction's handle (for updates whose outcome it must check) or a list of
 * plain {@link Statement}s. Plain statements of all the writes in a batch are sent as JDBC batches, one per SQL text,
 * in the order the texts first appear: a thousand bookings become a few round trips instead of thousands. They are
 * bound straight on JDBC (their texts parsed once), as this is the path every booking takes under a rush.
 * <p>
 * A committed batch is acknowledged by a separate answering thread, so that the committer goes straight on to the
 * next batch while the answers (for a server: the HTTP responses, written by the futures' dependent actions) are
 * delivered. Without it the committer spent more time answering than committing, and under a rush the processors
 * stood idle while every request waited for one of the committers to come back ({@code lancang bench sales} prints
 * the idle share of the processors during its rush). So the dependent actions of a successful write must not wait for this writer: they
 * would wait for the thread that runs them. A failure is delivered on a thread of its own, so what follows it may
 * wait for this writer (a failed hold gives its seats back to the waitlist and commits the offers).
 */
public final class GroupCommit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /** The most writes in one transaction. */
    public static final int MAX_BATCH = 512;

    /** One parameterised statement with its named values; statements with the same SQL are batched together. */
    public record Statement(String sql, Map<String, Object> values) {
        public Statement {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values)); // may hold nulls
        }
    }

    /** Exactly one of {@code work} and {@code statements} is set. */
    private record Write(Consumer<Handle> work, List<Statement> statements, CompletableFuture<Void> done) {
        void runAlone(Handle h) {
            if (work != null) {
                work.accept(h);
            } else {
                execute(h, statements);
            }
        }
    }

    /** Runs plain statements one by one on a handle: for free-form work that writes rows as well as checking. */
    public static void execute(Handle h, List<Statement> statements) {
        for (Statement s : statements) {
            NamedSql sql = NamedSql.parse(s.sql());
            try (PreparedStatement ps = h.getConnection().prepareStatement(sql.positional())) {
                sql.bind(ps, s.values());
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException(e, null);
            }
        }
    }

    private final Jdbi jdbi;
    /** Each SQL text parsed once: the statements of a booking are the same few texts again and again. */
    private final Map<String, NamedSql> parsed = new ConcurrentHashMap<>();

    private final BlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private final List<Thread> committers = new ArrayList<>();
    /** Completes the futures of committed batches, in the order they were committed. */
    private final ExecutorService answers;
    /** Completes the futures of failed writes, each on a thread that may wait (rare: a bad write, a lost database). */
    private final ExecutorService failures;

    private volatile boolean running = true;
    /** Why this writer takes nothing more (the server lost the database to another), or null. */
    private volatile String fenced;

    /** One committer thread. */
    public GroupCommit(Jdbi jdbi, String name) {
        this(jdbi, name, 1);
    }

    public GroupCommit(Jdbi jdbi, String name, int committers) {
        if (committers < 1) {
            throw new IllegalArgumentException("at least one committer");
        }
        this.jdbi = jdbi;
        this.answers = Executors.newSingleThreadExecutor(daemon("group-commit-" + name + "-answers"));
        this.failures = Executors.newCachedThreadPool(daemon("group-commit-" + name + "-failures"));
        for (int i = 0; i < committers; i++) {
            Thread t = new Thread(this::loop, "group-commit-" + name + "-" + i);
            t.setDaemon(true);
            t.start();
            this.committers.add(t);
        }
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Queues a write; the future completes when it is committed, or exceptionally if it could not be. */
    public CompletableFuture<Void> submit(Consumer<Handle> work) {
        return enqueue(new Write(Objects.requireNonNull(work), null, new CompletableFuture<>()));
    }

    /** Queues plain statements as one write; the future completes when they are committed, or exceptionally. */
    public CompletableFuture<Void> submit(List<Statement> statements) {
        return enqueue(new Write(null, List.copyOf(statements), new CompletableFuture<>()));
    }

    private CompletableFuture<Void> enqueue(Write w) {
        if (!running) {
            w.done().completeExceptionally(new IllegalStateException("the database writer has stopped"));
            return w.done();
        }
        if (fenced != null) {
            w.done().completeExceptionally(new IllegalStateException(fenced));
            return w.done();
        }
        queue.add(w);
        return w.done();
    }

    /** Takes no more writes from now on (what is queued is still committed): the server may no longer write. */
    public void fence(String why) {
        fenced = why;
    }

    /** Queues a write and waits until it is committed (rethrowing its failure). */
    public void commit(Consumer<Handle> work) {
        await(submit(work));
    }

    /** Queues plain statements as one write and waits until they are committed (rethrowing their failure). */
    public void commit(List<Statement> statements) {
        await(submit(statements));
    }

    /** Waits for a future of this writer (or one built on it) and rethrows its failure as it was thrown. */
    public static <T> T await(CompletableFuture<T> done) {
        try {
            return done.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private void loop() {
        List<Write> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Write first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commitBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
    }

    private void commitBatch(List<Write> batch) {
        try {
            jdbi.useTransaction(h -> runTogether(h, batch));
            answer(List.copyOf(batch)); // a copy: the committer reuses its list for the next batch
        } catch (RuntimeException batchFailure) {
            if (batch.size() == 1) {
                fail(batch.get(0), batchFailure);
                return;
            }
            for (Write w : batch) { // find the bad one(s): each alone
                try {
                    jdbi.useTransaction(w::runAlone);
                    answer(List.of(w));
                } catch (RuntimeException e) {
                    fail(w, e);
                }
            }
        }
    }

    private void answer(List<Write> committed) {
        answers.execute(() -> committed.forEach(w -> w.done().complete(null)));
    }

    /** On a thread of its own: what follows a failure (giving seats back, say) may wait for this writer. */
    private void fail(Write w, RuntimeException failure) {
        failures.execute(() -> w.done().completeExceptionally(failure));
    }

    /**
     * Runs the writes in one transaction: plain statements gathered into one JDBC batch per SQL text. The batches run
     * in the order their texts first appeared, which keeps each write's own order (its booking row before its
     * passengers) as long as no write uses the texts the other way round: such a write, and any free-form work, first
     * sends what is pending.
     */
    private void runTogether(Handle h, List<Write> batch) {
        Map<String, Pending> pending = new LinkedHashMap<>();
        try {
            for (Write w : batch) {
                if (w.work() != null) {
                    flush(pending);
                    w.work().accept(h);
                } else {
                    if (!keepsOrder(w.statements(), pending)) {
                        flush(pending);
                    }
                    for (Statement s : w.statements()) {
                        Pending p = pending.get(s.sql());
                        if (p == null) {
                            NamedSql sql = parsed.computeIfAbsent(s.sql(), NamedSql::parse);
                            p = new Pending(sql, h.getConnection().prepareStatement(sql.positional()));
                            pending.put(s.sql(), p);
                        }
                        p.sql().bind(p.statement(), s.values());
                        p.statement().addBatch();
                    }
                }
            }
            flush(pending);
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        } finally {
            for (Pending p : pending.values()) {
                closeQuietly(p.statement());
            }
        }
    }

    /** The JDBC batch of one SQL text, with the parameter names in their order. */
    private record Pending(NamedSql sql, PreparedStatement statement) {}

    /** Whether the statements' texts, appended to the pending batches, would still run in the statements' order. */
    private static boolean keepsOrder(List<Statement> statements, Map<String, Pending> pending) {
        List<String> order = new ArrayList<>(pending.keySet());
        int last = -1;
        for (Statement s : statements) {
            int i = order.indexOf(s.sql());
            if (i < 0) {
                order.add(s.sql());
                i = order.size() - 1;
            }
            if (i < last) {
                return false;
            }
            last = i;
        }
        return true;
    }

    private static void flush(Map<String, Pending> pending) throws SQLException {
        try {
            for (Pending p : pending.values()) {
                p.statement().executeBatch();
            }
        } finally {
            for (Pending p : pending.values()) {
                closeQuietly(p.statement());
            }
            pending.clear();
        }
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException ignored) {
            // the transaction's outcome is what matters, and it is reported
        }
    }

    /** Commits what is queued, then stops the writer. */
    @Override
    public void close() {
        running = false;
        try {
            for (Thread t : committers) {
                t.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        answers.shutdown(); // after the committers: their last answers are delivered first
        failures.shutdown();
        try {
            answers.awaitTermination(10, TimeUnit.SECONDS);
            failures.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Write left;
        while ((left = queue.poll()) != null) {
            left.done().completeExceptionally(new IllegalStateException("the database writer has stopped"));
        }
        LOG.debug("group commit writer stopped");
    }
}
