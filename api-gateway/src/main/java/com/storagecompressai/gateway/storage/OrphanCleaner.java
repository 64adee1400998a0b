package com.storagecompressai.gateway.storage;

import com.storagecompressai.gateway.metrics.GatewayMetrics;
import com.storagecompressai.storage.Backoff;
import com.storagecompressai.storage.ObjectStore;
import com.storagecompressai.storage.StorageException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the objects that failed requests may have left behind: a remote store can keep an upload whose answer
 * was lost, and the client of that request got a 5xx. Deletes run in the background, so the request answers at
 * once. A delete that fails (the store is down) is tried again after a growing, jittered pause until
 * {@link CleanupSettings#giveUpAfter()}; then the key is logged at WARN for an operator to remove. A deleted key is
 * deleted once more after {@link CleanupSettings#confirmAfter()}, in case the store committed the upload late. At most
 * {@link CleanupSettings#capacity()} keys wait at once, and two deletes run at a time, so a dead store costs
 * bounded memory and load. Thread-safe.
 */
public final class OrphanCleaner implements AutoCloseable {

    static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(OrphanCleaner.class);
    private static final int WORKERS = 2;

    private final ObjectStore store;
    private final CleanupSettings settings;
    private final GatewayMetrics metrics;
    private final ScheduledThreadPoolExecutor workers;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();

    public OrphanCleaner(ObjectStore store, CleanupSettings settings, GatewayMetrics metrics) {
        this.store = store;
        this.settings = settings;
        this.metrics = metrics;
        this.workers = new ScheduledThreadPoolExecutor(WORKERS, Thread.ofVirtual().name("orphan-cleaner-", 0).factory());
        // At shutdown, tries that are due run (within STOP_GRACE); later retries are dropped and their keys logged.
        workers.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        workers.setRemoveOnCancelPolicy(true);
    }

    /**
     * Deletes {@code name} in the background and returns at once.
     *
     * @return false when the key could not be taken (queue full, or shutting down); it is logged at WARN
     */
    public boolean discard(String name) {
        if (pending.size() >= settings.capacity()) {
            abandon(name, "the clean-up queue is full (" + settings.capacity() + " keys)");
            return false;
        }
        if (!pending.add(name)) {
            return true;
        }
        try {
            workers.execute(() -> attempt(name, 1, System.nanoTime()));
            return true;
        } catch (RejectedExecutionException stopping) {
            pending.remove(name);
            abandon(name, "the gateway is stopping");
            return false;
        }
    }

    /** Keys waiting to be deleted, for the metrics. */
    public int pending() {
        return pending.size();
    }

    private void attempt(String name, int attempt, long firstTry) {
        try {
            store.delete(name);
            // Counted before it leaves the queue, so whoever sees the queue empty also sees the count.
            metrics.cleanup("deleted");
            pending.remove(name);
            if (attempt > 1) {
                LOG.info("deleted orphan object {} on try {}", name, attempt);
            }
            confirmLater(name);
        } catch (StorageException | RuntimeException e) {
            Duration pause = backoff(attempt);
            if (System.nanoTime() - firstTry + pause.toNanos() > settings.giveUpAfter().toNanos()) {
                abandon(name, "the store kept failing for " + settings.giveUpAfter() + " (" + attempt + " tries): "
                        + e.getMessage());
                pending.remove(name);
                return;
            }
            LOG.info("delete of orphan object {} failed (try {}), next try in {} ms: {}", name, attempt, pause.toMillis(),
                    e.getMessage());
            try {
                workers.schedule(() -> attempt(name, attempt + 1, firstTry), pause.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopping) {
                abandon(name, "the gateway is stopping");
                pending.remove(name);
            }
        }
    }

    /**
     * The store may still have been taking in the upload when the gateway gave up on it (its answer was late, not
     * lost), and commit it after this delete: one more delete, later, removes that too. Not counted as pending.
     */
    private void confirmLater(String name) {
        if (settings.confirmAfter().isZero()) {
            return;
        }
        try {
            workers.schedule(() -> confirm(name), settings.confirmAfter().toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException stopping) {
            // The first delete went through; the second is a precaution.
        }
    }

    private void confirm(String name) {
        try {
            store.delete(name);
        } catch (StorageException | RuntimeException e) {
            LOG.info("second delete of orphan object {} failed, retrying it: {}", name, e.getMessage());
            discard(name);
        }
    }

    private void abandon(String name, String why) {
        metrics.cleanup("abandoned");
        LOG.warn("object {} may be left in the store without a client knowing it; delete it by hand: {}", name, why);
    }

    private Duration backoff(int attempt) {
        return Backoff.equalJitter(settings.initialBackoff(), attempt, settings.maxBackoff());
    }

    /** Runs the tries that are due (up to {@link #STOP_GRACE}), then logs every key still waiting. */
    @Override
    public void close() {
        workers.shutdown();
        try {
            if (!workers.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        for (String name : pending) {
            abandon(name, "the gateway stopped before the store came back");
        }
        pending.clear();
    }
}
