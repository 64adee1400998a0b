package com.storagecompressai.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.storagecompressai.storage.ObjectStore;
import com.storagecompressai.storage.ObjectStoreContract;
import com.storagecompressai.storage.StorageConfig;
import com.storagecompressai.storage.StorageException;
import com.storagecompressai.storage.StoredObject;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalObjectStoreTest extends ObjectStoreContract {

    @TempDir
    Path root;

    private LocalObjectStore store;

    @BeforeEach
    void openStore() {
        store = new LocalObjectStore(new StorageConfig.Local(root, "images", URI.create("http://localhost:3000")));
    }

    @Override
    protected ObjectStore store() {
        return store;
    }

    @Override
    protected Optional<byte[]> readBack(StoredObject stored) throws IOException {
        String prefix = "http://localhost:3000/storage/v1/object/public/";
        assertThat(stored.url().toString()).startsWith(prefix);
        String[] bucketAndName = stored.url().toString().substring(prefix.length()).split("/", 2);
        Optional<LocalObject> found = store.find(bucketAndName[0], bucketAndName[1]);
        return found.isPresent() ? Optional.of(Files.readAllBytes(found.get().path())) : Optional.empty();
    }

    /** A directory where the file should go: the temporary file gets written, the rename fails. */
    @Override
    protected void breakNextPutOf(String name) throws IOException {
        Files.createDirectories(root.resolve("images").resolve(name).resolve("occupied"));
    }

    @Test
    void storedFileIsReadableByEveryoneAndWritableByTheOwnerOnly() throws Exception {
        assumeThat(root.getFileSystem().supportedFileAttributeViews()).contains("posix");

        store.put("perm.jpg", new byte[] {1, 2, 3}, "image/jpeg");

        Path file = store.find("images", "perm.jpg").orElseThrow().path();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
    }

    @Test
    void publicUrlHasSupabaseShape() {
        assertThat(store.publicUrl("x.jpg"))
                .isEqualTo(URI.create("http://localhost:3000/storage/v1/object/public/images/x.jpg"));
    }

    @Test
    void putWritesTheFileUnderBucketFolderAndLeavesNoTemporaryFile() throws Exception {
        // when
        store.put("k.jpg", jpegLike(500, 1), "image/jpeg");

        // then
        assertThat(filesIn(root.resolve("images"))).containsExactly("k.jpg");
    }

    @Test
    void failedRenameRemovesTheTemporaryFile() throws Exception {
        // given
        breakNextPutOf("k.jpg");

        // when
        assertThatThrownBy(() -> store.put("k.jpg", jpegLike(500, 1), "image/jpeg"))
                .isInstanceOf(StorageException.class);

        // then
        assertThat(filesIn(root.resolve("images"))).containsExactly("k.jpg");
        assertThat(root.resolve("images/k.jpg")).isDirectory();
        assertThat(store.find("images", "k.jpg")).isEmpty();
    }

    @Test
    void failedPutWhenBucketFolderCannotBeMadeLeavesNothingAndIsNotReady() throws Exception {
        // given: a file where the bucket folder should be
        Files.writeString(root.resolve("images"), "not a folder");

        // when / then
        assertThatThrownBy(() -> store.put("k.jpg", jpegLike(500, 1), "image/jpeg"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("k.jpg");
        assertThat(store.isReady()).isFalse();
        assertThat(filesIn(root)).containsExactly("images");
    }

    @Test
    void putIntoUnwritableFolderFailsAndLeavesNoTemporaryFile() throws Exception {
        // given
        Path bucket = Files.createDirectories(root.resolve("images"));
        Files.setPosixFilePermissions(bucket, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeThat(Files.isWritable(bucket)).as("root ignores permissions").isFalse();

            // when / then
            assertThatThrownBy(() -> store.put("k.jpg", jpegLike(500, 1), "image/jpeg"))
                    .isInstanceOf(StorageException.class);
            assertThat(store.isReady()).isFalse();
            assertThat(filesIn(bucket)).isEmpty();
        } finally {
            Files.setPosixFilePermissions(bucket, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void deleteOfSomethingThatIsNotAFileFailsWithStorageExceptionNamingIt() throws Exception {
        // given a non-empty folder where the object would be
        breakNextPutOf("k.jpg");

        // when / then
        assertThatThrownBy(() -> store.delete("k.jpg"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("k.jpg");
    }

    @Test
    void deleteWhenTheBucketFolderIsMissingOrAFileIsNotAnError() throws Exception {
        // given nothing, then a file where the bucket folder should be
        store.delete("k.jpg");
        Files.writeString(root.resolve("images"), "not a folder");

        // when / then
        store.delete("k.jpg");
        assertThat(root.resolve("images")).isRegularFile();
    }

    @Test
    void isReadyCreatesTheBucketFolder() {
        assertThat(store.isReady()).isTrue();
        assertThat(root.resolve("images")).isDirectory();
    }

    @Test
    void storedFileIsReadableByOthers() throws Exception {
        store.put("k.jpg", jpegLike(500, 1), "image/jpeg");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("images/k.jpg"))))
                .isEqualTo("rw-r--r--");
    }

    @Test
    void findDescribesTheStoredObject() throws Exception {
        // given
        store.put("k.jpg", jpegLike(1234, 1), "image/jpeg");

        // when
        LocalObject found = store.find("images", "k.jpg").orElseThrow();

        // then
        assertThat(found.path()).isEqualTo(root.resolve("images/k.jpg").toAbsolutePath());
        assertThat(found.size()).isEqualTo(1234);
        assertThat(found.etag()).matches("\"[0-9a-f]{32}\"");
        assertThat(found.lastModified()).isEqualTo(Files.getLastModifiedTime(found.path()).toInstant());
    }

    @Test
    void etagIsStableUntilTheObjectIsReplaced() throws Exception {
        // given
        store.put("k.jpg", jpegLike(1234, 1), "image/jpeg");
        String first = store.find("images", "k.jpg").orElseThrow().etag();

        // when
        String again = store.find("images", "k.jpg").orElseThrow().etag();
        store.put("k.jpg", jpegLike(1234, 2), "image/jpeg");
        String replaced = store.find("images", "k.jpg").orElseThrow().etag();

        // then
        assertThat(again).isEqualTo(first);
        assertThat(replaced).isNotEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x.jpg", "a/b.jpg", "%2e%2e", "%2e%2e%2fx.jpg", "..", ".", "", " ", ".hidden.jpg",
            "a\\b.jpg", "x.jpg/", "/etc/passwd", "k.jpg\u0000", "..%2f..%2fk.jpg"})
    void findRefusesUnsafeNames(String name) throws Exception {
        // given: a real object, and something outside the bucket worth stealing
        store.put("k.jpg", jpegLike(10, 1), "image/jpeg");
        Files.writeString(root.resolve("x.jpg"), "secret");

        // then
        assertThat(store.find("images", name)).isEmpty();
    }

    @Test
    void findRefusesOtherBucketsAndMissingObjects() throws Exception {
        // given
        store.put("k.jpg", jpegLike(10, 1), "image/jpeg");
        Files.createDirectories(root.resolve("other"));
        Files.writeString(root.resolve("other/k.jpg"), "other bucket");

        // then
        assertThat(store.find("other", "k.jpg")).isEmpty();
        assertThat(store.find("..", "k.jpg")).isEmpty();
        assertThat(store.find(null, "k.jpg")).isEmpty();
        assertThat(store.find("images", null)).isEmpty();
        assertThat(store.find("images", "missing.jpg")).isEmpty();
        assertThat(store.find("images", "k.jpg")).isPresent();
    }

    @Test
    void findDoesNotFollowSymbolicLinks() throws Exception {
        // given
        Files.writeString(root.resolve("secret.txt"), "secret");
        Files.createDirectories(root.resolve("images"));
        Files.createSymbolicLink(root.resolve("images/link.jpg"), root.resolve("secret.txt"));

        // then
        assertThat(store.find("images", "link.jpg")).isEmpty();
    }

    private static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
