package com.storagecompressai.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.storagecompressai.storage.CallLimits;
import com.storagecompressai.storage.HttpFetch;
import com.storagecompressai.storage.ObjectStore;
import com.storagecompressai.storage.ObjectStoreContract;
import com.storagecompressai.storage.StorageConfig;
import com.storagecompressai.storage.StorageException;
import com.storagecompressai.storage.StoredObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

class S3ObjectStoreIT extends ObjectStoreContract {

    private static final CallLimits FAST = new CallLimits(Duration.ofMillis(500), Duration.ofSeconds(2),
            Duration.ofSeconds(3), 3, Duration.ofMillis(20), Duration.ofSeconds(1));
    private static final AtomicInteger BUCKETS = new AtomicInteger();

    private static S3ProxyServer server;
    private static S3Client admin;

    private String bucket;
    private S3ObjectStore store;

    @BeforeAll
    static void startS3() throws Exception {
        server = new S3ProxyServer();
        admin = S3Client.builder()
                .endpointOverride(server.endpoint())
                .forcePathStyle(true)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
                .build();
    }

    @AfterAll
    static void stopS3() throws Exception {
        admin.close();
        server.close();
    }

    @BeforeEach
    void openStoreOnAFreshPublicBucket() {
        bucket = "images-" + BUCKETS.incrementAndGet();
        createPublicBucket(bucket);
        store = new S3ObjectStore(config(server.endpoint(), bucket), FAST);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static void createPublicBucket(String name) {
        admin.createBucket(b -> b.bucket(name).acl(BucketCannedACL.PUBLIC_READ));
    }

    private static StorageConfig.S3 config(URI endpoint, String bucket) {
        return new StorageConfig.S3(Optional.of(endpoint), "us-east-1", bucket,
                Optional.of(new StorageConfig.S3Credentials(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)),
                Optional.empty());
    }

    @Override
    protected ObjectStore store() {
        return store;
    }

    @Override
    protected Optional<byte[]> readBack(StoredObject stored) throws Exception {
        Optional<HttpResponse<byte[]>> response = HttpFetch.get(stored.url());
        response.ifPresent(r -> assertThat(r.headers().firstValue("Content-Type")).hasValue("image/jpeg"));
        return response.map(HttpResponse::body);
    }

    /** Without its bucket a put cannot succeed; repair() brings back an empty one. */
    @Override
    protected void breakNextPutOf(String name) {
        admin.deleteBucket(b -> b.bucket(bucket));
    }

    @Override
    protected void repair() {
        createPublicBucket(bucket);
    }

    @Test
    void publicUrlIsPathStyleUnderTheEndpoint() {
        assertThat(store.publicUrl("p.jpg")).isEqualTo(URI.create(server.endpoint() + "/" + bucket + "/p.jpg"));
    }

    @Test
    void putStoresContentTypeLengthAndCacheControl() throws Exception {
        // when
        store.put("typed.jpg", jpegLike(4_321, 1), "image/jpeg");

        // then
        HeadObjectResponse head = admin.headObject(b -> b.bucket(bucket).key("typed.jpg"));
        assertThat(head.contentType()).isEqualTo("image/jpeg");
        assertThat(head.contentLength()).isEqualTo(4_321L);
        assertThat(head.cacheControl()).isEqualTo("max-age=31536000, immutable");
    }

    @Test
    void readyWhenTheBucketExists() {
        assertThat(store.isReady()).isTrue();
    }

    @Test
    void missingBucketFailsWithStorageExceptionAndIsNotReady() {
        try (S3ObjectStore missing = new S3ObjectStore(config(server.endpoint(), "no-such-bucket"), FAST)) {
            assertThatThrownBy(() -> missing.put("m.jpg", jpegLike(100, 2), "image/jpeg"))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("no-such-bucket/m.jpg")
                    .hasMessageContaining("NoSuchBucket");
            assertThat(missing.isReady()).isFalse();
        }
    }

    @Test
    void wrongSecretIsRefusedWithoutEchoingIt() {
        StorageConfig.S3 wrong = new StorageConfig.S3(Optional.of(server.endpoint()), "us-east-1", bucket,
                Optional.of(new StorageConfig.S3Credentials(S3ProxyServer.ACCESS_KEY, "wrong-secret")),
                Optional.empty());
        try (S3ObjectStore refused = new S3ObjectStore(wrong, FAST)) {
            assertThatThrownBy(() -> refused.put("w.jpg", jpegLike(100, 3), "image/jpeg"))
                    .isInstanceOf(StorageException.class)
                    .hasMessageNotContaining("wrong-secret");
            assertThat(refused.isReady()).isFalse();
        }
    }

    @Test
    void deleteOnAStoppedServerFailsWithStorageExceptionWithinTheDeadline() throws Exception {
        try (S3ProxyServer doomed = new S3ProxyServer();
             S3ObjectStore orphan = new S3ObjectStore(config(doomed.endpoint(), "images"), FAST)) {
            doomed.stop();

            assertTimeoutPreemptively(Duration.ofSeconds(15), () ->
                    assertThatThrownBy(() -> orphan.delete("gone.jpg"))
                            .isInstanceOf(StorageException.class)
                            .hasMessageContaining("delete of images/gone.jpg"));
        }
    }

    @Test
    void deleteInAMissingBucketIsRefused() {
        try (S3ObjectStore missing = new S3ObjectStore(config(server.endpoint(), "no-such-bucket"), FAST)) {
            assertThatThrownBy(() -> missing.delete("m.jpg"))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("no-such-bucket/m.jpg")
                    .hasMessageContaining("NoSuchBucket");
        }
    }

    @Test
    void stoppedServerFailsWithStorageExceptionWithinTheDeadline() throws Exception {
        // given
        try (S3ProxyServer doomed = new S3ProxyServer();
             S3ObjectStore orphan = new S3ObjectStore(config(doomed.endpoint(), "images"), FAST)) {
            doomed.stop();

            // when / then: the deadline is 3 s; 15 s means it would hang
            assertTimeoutPreemptively(Duration.ofSeconds(15), () ->
                    assertThatThrownBy(() -> orphan.put("gone.jpg", jpegLike(100, 4), "image/jpeg"))
                            .isInstanceOf(StorageException.class)
                            .hasMessageContaining("images/gone.jpg"));
            assertThat(orphan.isReady()).isFalse();
        }
    }
}
