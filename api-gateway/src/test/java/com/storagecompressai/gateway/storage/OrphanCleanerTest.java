package com.storagecompressai.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.storagecompressai.gateway.Await;
import com.storagecompressai.gateway.metrics.GatewayMetrics;
import com.storagecompressai.storage.ObjectStore;
import com.storagecompressai.storage.StorageException;
import com.storagecompressai.storage.StoredObject;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrphanCleanerTest {

    private static final CleanupSettings FAST = new CleanupSettings(100, Duration.ofMillis(1), Duration.ofMillis(5),
            Duration.ofMinutes(1), Duration.ZERO);

    /** Objects in memory; deletes fail while {@code failures} is positive (one per try) and may wait for a latch. */
    private static final class MemoryStore implements ObjectStore {
        final Set<String> names = ConcurrentHashMap.newKeySet();
        /** Names whose upload the store commits just after their first delete (a late answer, not a lost one). */
        final Set<String> committedLate = ConcurrentHashMap.newKeySet();
        final AtomicInteger deletes = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        volatile CountDownLatch gate = new CountDownLatch(0);

        @Override
        public StoredObject put(String name, byte[] content, String contentType) {
            names.add(name);
            return new StoredObject(name, publicUrl(name), content.length);
        }

        @Override
        public void delete(String name) throws StorageException {
            deletes.incrementAndGet();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException("interrupted", e);
            }
            if (failures.getAndUpdate(n -> Math.max(n - 1, 0)) > 0) {
                throw new StorageException("store is down");
            }
            names.remove(name);
            if (committedLate.remove(name)) {
                names.add(name);
            }
        }

        @Override
        public URI publicUrl(String name) {
            return URI.create("http://store/" + name);
        }

        @Override
        public boolean isReady() {
            return true;
        }
    }

    private final MemoryStore store = new MemoryStore();
    private final GatewayMetrics metrics = new GatewayMetrics();

    @AfterEach
    void closeMetrics() {
        store.gate.countDown();
        metrics.close();
    }

    @Test
    void discardReturnsAtOnceAndDeletesInTheBackground() {
        // given a store whose delete does not answer yet
        store.put("a.jpg", new byte[1], "image/jpeg");
        store.gate = new CountDownLatch(1);
        try (OrphanCleaner cleaner = new OrphanCleaner(store, FAST, metrics)) {
            // when
            boolean taken = cleaner.discard("a.jpg");
            // then
            assertThat(taken).isTrue();
            assertThat(cleaner.pending()).isEqualTo(1);
            store.gate.countDown();
            Await.until(() -> cleaner.pending() == 0);
            assertThat(store.names).isEmpty();
            assertThat(counter("deleted")).isEqualTo(1.0);
        }
    }

    @Test
    void triesAgainUntilTheStoreIsBack() {
        // given
        store.put("b.jpg", new byte[1], "image/jpeg");
        store.failures.set(4);
        try (OrphanCleaner cleaner = new OrphanCleaner(store, FAST, metrics)) {
            // when
            cleaner.discard("b.jpg");
            // then
            Await.until(() -> cleaner.pending() == 0);
            assertThat(store.names).isEmpty();
            assertThat(store.deletes).hasValue(5);
            assertThat(counter("abandoned")).isZero();
        }
    }

    @Test
    void deletesOnceMoreLaterForAnUploadTheStoreCommittedAfterTheFirstDelete() {
        // given a store that commits the upload just after the first delete
        store.put("late.jpg", new byte[1], "image/jpeg");
        store.committedLate.add("late.jpg");
        try (OrphanCleaner cleaner = new OrphanCleaner(store, FAST.confirmingAfter(Duration.ofMillis(50)), metrics)) {
            // when
            cleaner.discard("late.jpg");
            // then
            Await.until(() -> store.deletes.get() == 2 && store.names.isEmpty());
            assertThat(counter("deleted")).isEqualTo(1.0);
            assertThat(cleaner.pending()).isZero();
        }
    }

    @Test
    void givesUpAfterTheLimitAndCountsTheKeyAsAbandoned() {
        // given a store that never comes back, and a cleaner that gives up at once
        store.put("c.jpg", new byte[1], "image/jpeg");
        store.failures.set(Integer.MAX_VALUE);
        CleanupSettings impatient = new CleanupSettings(100, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ZERO,
                Duration.ZERO);
        try (OrphanCleaner cleaner = new OrphanCleaner(store, impatient, metrics)) {
            // when
            cleaner.discard("c.jpg");
            // then
            Await.until(() -> cleaner.pending() == 0);
            assertThat(store.deletes).hasValue(1);
            assertThat(store.names).containsExactly("c.jpg");
            assertThat(counter("abandoned")).isEqualTo(1.0);
        }
    }

    @Test
    void refusesKeysBeyondItsCapacity() {
        // given a full queue
        store.gate = new CountDownLatch(1);
        CleanupSettings small = new CleanupSettings(2, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMinutes(1),
                Duration.ZERO);
        try (OrphanCleaner cleaner = new OrphanCleaner(store, small, metrics)) {
            assertThat(cleaner.discard("d1.jpg")).isTrue();
            assertThat(cleaner.discard("d2.jpg")).isTrue();
            // when / then
            assertThat(cleaner.discard("d3.jpg")).isFalse();
            assertThat(counter("abandoned")).isEqualTo(1.0);
            store.gate.countDown();
            Await.until(() -> cleaner.pending() == 0);
            assertThat(counter("deleted")).isEqualTo(2.0);
        }
    }

    @Test
    void closeDropsLaterTriesWithoutWaitingForThem() {
        // given a key waiting a minute for its next try
        store.failures.set(Integer.MAX_VALUE);
        CleanupSettings slow = new CleanupSettings(100, Duration.ofMinutes(1), Duration.ofMinutes(1), Duration.ofHours(1),
                Duration.ZERO);
        OrphanCleaner cleaner = new OrphanCleaner(store, slow, metrics);
        cleaner.discard("e.jpg");
        Await.until(() -> store.deletes.get() == 1);
        // when / then
        assertTimeoutPreemptively(Duration.ofSeconds(10), cleaner::close);
        assertThat(cleaner.pending()).isZero();
        assertThat(counter("abandoned")).isEqualTo(1.0);
        assertThat(cleaner.discard("f.jpg")).isFalse();
    }

    private double counter(String outcome) {
        return metrics.registry().get("gateway.storage.cleanups").tag("outcome", outcome).counter().count();
    }
}
