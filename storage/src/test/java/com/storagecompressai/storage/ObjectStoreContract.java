package com.storagecompressai.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ObjectStore} promises (ObjectStore's Javadoc and api.md). Each backend's test extends
 * this class and says how to reach its store, how to read an object back the way a client would, and
 * how to make one put fail.
 */
public abstract class ObjectStoreContract {

    /** The store under test, with an existing, empty bucket. */
    protected abstract ObjectStore store();

    /** The object's bytes as a client gets them from its public URL; empty when there is no object. */
    protected abstract Optional<byte[]> readBack(StoredObject stored) throws Exception;

    /** Makes the next put of {@code name} fail. */
    protected abstract void breakNextPutOf(String name) throws Exception;

    /** Undoes {@link #breakNextPutOf}, so that reading back works again. */
    protected void repair() throws Exception {
    }

    /** Bytes that start like a JPEG, different for each seed. */
    protected static byte[] jpegLike(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        return bytes;
    }

    @Test
    void putThenReadBackFromPublicUrlGivesTheSameBytes() throws Exception {
        // given
        byte[] content = jpegLike(70_000, 1);

        // when
        StoredObject stored = store().put("a1b2c3.jpg", content, "image/jpeg");

        // then
        assertThat(stored.name()).isEqualTo("a1b2c3.jpg");
        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(stored.url()).isEqualTo(store().publicUrl("a1b2c3.jpg"));
        assertThat(stored.url().toString()).endsWith("/a1b2c3.jpg");
        assertThat(readBack(stored)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
    }

    @Test
    void putOfOneNameLeavesOtherObjectsUnchanged() throws Exception {
        // given
        byte[] first = jpegLike(1_000, 2);
        StoredObject kept = store().put("kept.jpg", first, "image/jpeg");

        // when
        StoredObject other = store().put("other.jpg", jpegLike(2_000, 3), "image/jpeg");

        // then
        assertThat(readBack(kept)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(first));
        assertThat(readBack(other)).hasValueSatisfying(bytes -> assertThat(bytes).hasSize(2_000));
    }

    @Test
    void putAgainUnderTheSameNameServesTheNewBytesWhole() throws Exception {
        // given
        store().put("same.jpg", jpegLike(5_000, 4), "image/jpeg");
        byte[] second = jpegLike(3_000, 5);

        // when
        StoredObject stored = store().put("same.jpg", second, "image/jpeg");

        // then
        assertThat(readBack(stored)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(second));
    }

    @Test
    void concurrentPutsOfDifferentNamesAllLand() throws Exception {
        // given
        int count = 12;
        List<byte[]> contents = IntStream.range(0, count).mapToObj(i -> jpegLike(10_000 + i, 100 + i)).toList();

        // when
        List<StoredObject> stored;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<StoredObject>> futures = IntStream.range(0, count)
                    .mapToObj(i -> threads.submit(() -> store().put("concurrent-" + i + ".jpg", contents.get(i),
                            "image/jpeg")))
                    .toList();
            stored = futures.stream().map(ObjectStoreContract::join).toList();
        }

        // then
        for (int i = 0; i < count; i++) {
            byte[] expected = contents.get(i);
            assertThat(readBack(stored.get(i))).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(expected));
        }
    }

    @Test
    void failedPutLeavesNoObject() throws Exception {
        // given
        String name = "doomed.jpg";
        breakNextPutOf(name);

        // when
        assertThatThrownBy(() -> store().put(name, jpegLike(4_000, 6), "image/jpeg"))
                .isInstanceOf(StorageException.class);

        // then
        repair();
        assertThat(readBack(new StoredObject(name, store().publicUrl(name), 4_000))).isEmpty();
    }

    @Test
    void deleteRemovesAStoredObject() throws Exception {
        // given
        StoredObject stored = store().put("gone.jpg", jpegLike(3_000, 8), "image/jpeg");
        assertThat(readBack(stored)).isPresent();

        // when
        store().delete("gone.jpg");

        // then
        assertThat(readBack(stored)).isEmpty();
    }

    @Test
    void deleteOfANameWithoutAnObjectIsNotAnError() throws Exception {
        // when
        store().delete("never-stored.jpg");

        // then
        assertThat(readBack(new StoredObject("never-stored.jpg", store().publicUrl("never-stored.jpg"), 0))).isEmpty();
    }

    @Test
    void deleteTwiceIsNotAnError() throws Exception {
        // given
        store().put("twice.jpg", jpegLike(500, 9), "image/jpeg");
        store().delete("twice.jpg");

        // when / then
        store().delete("twice.jpg");
    }

    @Test
    void deleteLeavesOtherObjectsUnchanged() throws Exception {
        // given
        byte[] content = jpegLike(2_000, 10);
        StoredObject kept = store().put("stays.jpg", content, "image/jpeg");
        store().put("goes.jpg", jpegLike(2_000, 11), "image/jpeg");

        // when
        store().delete("goes.jpg");

        // then
        assertThat(readBack(kept)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
    }

    @Test
    void putAfterDeleteStoresTheNameAgain() throws Exception {
        // given
        store().put("again.jpg", jpegLike(1_000, 12), "image/jpeg");
        store().delete("again.jpg");
        byte[] content = jpegLike(1_500, 13);

        // when
        StoredObject stored = store().put("again.jpg", content, "image/jpeg");

        // then
        assertThat(readBack(stored)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
    }

    @Test
    void deleteRefusesUnsafeNames() {
        assertThatThrownBy(() -> store().delete("../escape.jpg")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().delete("a/b.jpg")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().delete(".hidden.jpg")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesUnsafeNames() {
        assertThatThrownBy(() -> store().put("../escape.jpg", jpegLike(10, 7), "image/jpeg"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().put("a/b.jpg", jpegLike(10, 7), "image/jpeg"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static StoredObject join(Future<StoredObject> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError("a concurrent put failed", e);
        }
    }
}
