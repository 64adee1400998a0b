package com.storagecompressai.jpeg;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The encoder's CPU pool. Tasks are submitted only by callers outside the pool, so a task never waits on
 * another task and the pool cannot deadlock. With one thread, tasks run on the caller.
 */
final class WorkerPool implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int threads;
    private final ExecutorService executor;

    WorkerPool(int threads) {
        this.threads = threads;
        if (threads == 1) {
            executor = null;
        } else {
            String prefix = "jpeg-encoder-" + POOLS.incrementAndGet() + "-";
            AtomicInteger n = new AtomicInteger();
            executor = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, prefix + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
    }

    int threads() {
        return threads;
    }

    /** Runs the tasks and returns their results in order; rethrows the first failure. */
    <T> List<T> invokeAll(List<? extends Callable<T>> tasks) {
        var results = new ArrayList<T>(tasks.size());
        if (executor == null || tasks.size() == 1) {
            for (Callable<T> task : tasks) {
                try {
                    results.add(task.call());
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return results;
        }
        try {
            for (Future<T> f : executor.invokeAll(tasks)) {
                results.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while encoding", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
        return results;
    }

    /**
     * Runs {@code body} once per item, in parallel. The items are the split: callers fix it independently of the
     * thread count, so that no result depends on it.
     */
    <T> void forEach(List<T> items, java.util.function.Consumer<T> body) {
        var tasks = new ArrayList<Callable<Void>>();
        for (T item : items) {
            tasks.add(() -> {
                body.accept(item);
                return null;
            });
        }
        invokeAll(tasks);
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
