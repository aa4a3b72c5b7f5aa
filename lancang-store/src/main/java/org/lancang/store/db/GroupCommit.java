package org.lancang.store.db;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: many writers hand in their writes, one thread commits whatever has queued up in a single transaction,
 * and each writer learns only then that its write is durable. Under load one commit (one fsync) serves many requests,
 * so the database is not the bottleneck; with one request it is as quick as a plain commit. If a batch fails, its
 * writes are retried one by one so that one bad write fails alone.
 */
public final class GroupCommit implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    /** The most writes in one transaction. */
    public static final int MAX_BATCH = 512;

    private record Write(Consumer<Handle> work, CompletableFuture<Void> done) {
    }

    private final Jdbi jdbi;
    private final BlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    public GroupCommit(Jdbi jdbi, String name) {
        this.jdbi = jdbi;
        this.writer = new Thread(this::loop, "group-commit-" + name);
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues a write; the future completes when it is committed, or exceptionally if it could not be. */
    public CompletableFuture<Void> submit(Consumer<Handle> work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new IllegalStateException("the database writer has stopped"));
            return done;
        }
        queue.add(new Write(work, done));
        return done;
    }

    /** Queues a write and waits until it is committed (rethrowing its failure). */
    public void commit(Consumer<Handle> work) {
        try {
            submit(work).join();
        } catch (java.util.concurrent.CompletionException e) {
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
            jdbi.useTransaction(h -> batch.forEach(w -> w.work().accept(h)));
            batch.forEach(w -> w.done().complete(null));
        } catch (RuntimeException batchFailure) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(batchFailure);
                return;
            }
            for (Write w : batch) { // find the bad one(s): each alone
                try {
                    jdbi.useTransaction(h -> w.work().accept(h));
                    w.done().complete(null);
                } catch (RuntimeException e) {
                    w.done().completeExceptionally(e);
                }
            }
        }
    }

    /** Commits what is queued, then stops the writer. */
    @Override
    public void close() {
        running = false;
        try {
            writer.join(10_000);
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
