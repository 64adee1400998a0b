package com.storagecompressai.storage.supabase;

import static com.storagecompressai.storage.supabase.FakeSupabaseStorage.ACCESS_DENIED;
import static com.storagecompressai.storage.supabase.FakeSupabaseStorage.DUPLICATE;
import static com.storagecompressai.storage.supabase.FakeSupabaseStorage.INTERNAL;
import static com.storagecompressai.storage.supabase.FakeSupabaseStorage.INVALID_MIME;
import static com.storagecompressai.storage.supabase.FakeSupabaseStorage.NO_SUCH_BUCKET;
import static com.storagecompressai.storage.supabase.FakeSupabaseStorage.TOO_LARGE;
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
import com.storagecompressai.storage.supabase.FakeSupabaseStorage.Answer;
import com.storagecompressai.storage.supabase.FakeSupabaseStorage.Drop;
import com.storagecompressai.storage.supabase.FakeSupabaseStorage.Hang;
import com.storagecompressai.storage.supabase.FakeSupabaseStorage.Received;
import com.storagecompressai.storage.supabase.FakeSupabaseStorage.StoreThenDrop;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SupabaseObjectStoreIT extends ObjectStoreContract {

    /** A service-role key has the shape of a JWT. */
    private static final String JWT_KEY = "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIn0.c2lnbmF0dXJl";
    private static final String SECRET_KEY = "sb_secret_N7UND0UgjKTVK-Uodkm0Hg_xSvEMPvz";
    private static final Duration DEADLINE = Duration.ofSeconds(2);
    private static final CallLimits FAST = new CallLimits(Duration.ofMillis(500), Duration.ofMillis(700), DEADLINE,
            3, Duration.ofMillis(20), Duration.ofMillis(500));

    private FakeSupabaseStorage fake;
    private SupabaseObjectStore store;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeSupabaseStorage(JWT_KEY, "images");
        store = storeFor(fake, JWT_KEY, "images");
    }

    @AfterEach
    void stop() {
        store.close();
        fake.close();
    }

    private static SupabaseObjectStore storeFor(FakeSupabaseStorage fake, String key, String bucket) {
        return new SupabaseObjectStore(new StorageConfig.Supabase(fake.url(), key, bucket), FAST);
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

    @Override
    protected void breakNextPutOf(String name) {
        fake.scriptUploads(new Answer(400, TOO_LARGE));
    }

    @Test
    void uploadIsOneBinaryPostWithExactlyTheDocumentedHeaders() throws Exception {
        // given
        byte[] content = jpegLike(3_000, 1);

        // when
        StoredObject stored = store.put("abc123.jpg", content, "image/jpeg");

        // then
        assertThat(stored.url()).isEqualTo(URI.create(fake.url() + "/storage/v1/object/public/images/abc123.jpg"));
        assertThat(fake.uploads()).singleElement().satisfies(upload -> {
            assertThat(upload.method()).isEqualTo("POST");
            assertThat(upload.rawPath()).isEqualTo("/storage/v1/object/images/abc123.jpg");
            assertThat(upload.headers().get("Authorization")).containsExactly("Bearer " + JWT_KEY);
            assertThat(upload.headers().get("apikey")).containsExactly(JWT_KEY);
            assertThat(upload.headers().get("Content-Type")).containsExactly("image/jpeg");
            assertThat(upload.headers().get("x-upsert")).containsExactly("true");
            assertThat(upload.headers().get("cache-control")).containsExactly("max-age=31536000, immutable");
            assertThat(upload.headers().get("Content-Length")).containsExactly("3000");
            assertThat(upload.body()).isEqualTo(content);
        });
        assertThat(fake.object("abc123.jpg")).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
    }

    @Test
    void secretKeyGoesInApikeyOnlyNeverAsBearer() throws Exception {
        // given
        try (FakeSupabaseStorage secretFake = new FakeSupabaseStorage(SECRET_KEY, "images");
             SupabaseObjectStore secretStore = storeFor(secretFake, SECRET_KEY, "images")) {

            // when
            secretStore.put("s.jpg", jpegLike(100, 2), "image/jpeg");

            // then
            Received upload = secretFake.uploads().getFirst();
            assertThat(upload.headers().get("apikey")).containsExactly(SECRET_KEY);
            assertThat(upload.headers().containsKey("Authorization")).isFalse();
            assertThat(secretStore.isReady()).isTrue();
        }
    }

    @Test
    void publicUrlEncodesEachPathSegment() {
        SupabaseObjectStore spaced = new SupabaseObjectStore(
                new StorageConfig.Supabase(URI.create("https://p.supabase.co/"), JWT_KEY, "my images"), FAST);

        assertThat(spaced.publicUrl("x.jpg"))
                .isEqualTo(URI.create("https://p.supabase.co/storage/v1/object/public/my%20images/x.jpg"));
        spaced.close();
    }

    @ParameterizedTest(name = "HTTP {0} with statusCode {1} {2}")
    @CsvSource({"400, 409, KeyAlreadyExists", "400, 403, AccessDenied", "400, 413, EntityTooLarge",
            "400, 415, InvalidMimeType", "400, 404, NoSuchBucket"})
    void refusalIsFinalAndNamesTheBodysStatusCodeAndCode(int status, String statusCode, String code) {
        // given
        String body = switch (statusCode) {
            case "409" -> DUPLICATE;
            case "403" -> ACCESS_DENIED;
            case "413" -> TOO_LARGE;
            case "415" -> INVALID_MIME;
            default -> NO_SUCH_BUCKET;
        };
        fake.answerAllUploads(new Answer(status, body));

        // when / then
        assertThatThrownBy(() -> store.put("r.jpg", jpegLike(100, 3), "image/jpeg"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("HTTP " + status)
                .hasMessageContaining("statusCode " + statusCode)
                .hasMessageContaining(code)
                .hasMessageNotContaining(JWT_KEY);
        assertThat(fake.uploads()).hasSize(1);
    }

    @Test
    void missingBucketIsRefusedAndNotReady() throws Exception {
        // given
        try (SupabaseObjectStore wrongBucket = storeFor(fake, JWT_KEY, "nope")) {

            // when / then
            assertThatThrownBy(() -> wrongBucket.put("m.jpg", jpegLike(100, 4), "image/jpeg"))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("statusCode 404 NoSuchBucket");
            assertThat(wrongBucket.isReady()).isFalse();
            assertThat(store.isReady()).isTrue();
        }
    }

    @Test
    void wrongKeyIsRefusedAsAccessDenied() throws Exception {
        try (SupabaseObjectStore wrongKey = storeFor(fake, "eyJ.wrong.key", "images")) {
            assertThatThrownBy(() -> wrongKey.put("w.jpg", jpegLike(100, 5), "image/jpeg"))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("statusCode 403 AccessDenied")
                    .hasMessageNotContaining("eyJ.wrong.key");
            assertThat(wrongKey.isReady()).isFalse();
        }
    }

    @Test
    void serverErrorIsRetriedAndTheRetrySucceeds() throws Exception {
        // given
        fake.scriptUploads(new Answer(500, INTERNAL));
        byte[] content = jpegLike(2_000, 6);

        // when
        StoredObject stored = store.put("retry.jpg", content, "image/jpeg");

        // then
        assertThat(fake.uploads()).hasSize(2);
        assertThat(fake.uploads().get(1).body()).isEqualTo(content);
        assertThat(readBack(stored)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
    }

    @Test
    void tooManyRequestsIsRetried() throws Exception {
        fake.scriptUploads(new Answer(429, "{\"statusCode\":\"429\",\"error\":\"too_many\",\"message\":\"slow down\"}"));

        store.put("busy.jpg", jpegLike(100, 7), "image/jpeg");

        assertThat(fake.uploads()).hasSize(2);
    }

    @Test
    void retryAfterAnUnseenSuccessOverwritesInsteadOfFailingAsDuplicate() throws Exception {
        // given: the first attempt is stored, but its answer is lost
        fake.scriptUploads(new StoreThenDrop());
        byte[] content = jpegLike(100, 8);

        // when
        StoredObject stored = store.put("twice.jpg", content, "image/jpeg");

        // then
        assertThat(fake.uploads()).hasSize(2);
        assertThat(readBack(stored)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(content));
    }

    @Test
    void unavailableServiceIsRetriedABoundedNumberOfTimes() {
        // given
        fake.answerAllUploads(new Answer(503, "{\"statusCode\":\"503\",\"error\":\"unavailable\",\"message\":\"x\"}"));

        // when / then
        assertThatThrownBy(() -> store.put("u.jpg", jpegLike(100, 9), "image/jpeg"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("HTTP 503");
        assertThat(fake.uploads()).hasSize(FAST.maxAttempts());
    }

    @Test
    void hangingServerFailsWithinTheDeadline() {
        // given
        fake.answerAllUploads(new Hang());

        // when / then: the deadline is 2 s; 10 s means it would hang forever
        assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                assertThatThrownBy(() -> store.put("h.jpg", jpegLike(100, 10), "image/jpeg"))
                        .isInstanceOf(StorageException.class)
                        .hasMessageContaining("TimeoutException"));
        assertThat(fake.uploads()).hasSizeBetween(1, FAST.maxAttempts());
    }

    @Test
    void droppedConnectionIsRetried() throws Exception {
        // given
        fake.scriptUploads(new Drop());

        // when
        store.put("d.jpg", jpegLike(100, 11), "image/jpeg");

        // then
        assertThat(fake.uploads()).hasSize(2);
        assertThat(fake.object("d.jpg")).isPresent();
    }

    @Test
    void connectionAlwaysDroppedEndsInStorageException() {
        fake.answerAllUploads(new Drop());

        assertThatThrownBy(() -> store.put("d.jpg", jpegLike(100, 12), "image/jpeg"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("IOException");
        assertThat(fake.uploads()).hasSize(FAST.maxAttempts());
    }

    @Test
    void unreachableServerFailsWithStorageExceptionAndIsNotReady() {
        // given
        URI closedPort = fake.url();
        fake.close();
        try (SupabaseObjectStore unreachable = new SupabaseObjectStore(
                new StorageConfig.Supabase(closedPort, JWT_KEY, "images"), FAST)) {

            // when / then
            assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                    assertThatThrownBy(() -> unreachable.put("x.jpg", jpegLike(100, 13), "image/jpeg"))
                            .isInstanceOf(StorageException.class));
            assertThat(unreachable.isReady()).isFalse();
        }
    }

    @Test
    void deleteIsOneDeleteOfTheBucketWithThePrefixesAsJsonAndTheKeyHeaders() throws Exception {
        // given
        store.put("abc123.jpg", jpegLike(300, 20), "image/jpeg");

        // when
        store.delete("abc123.jpg");

        // then
        assertThat(fake.deletes()).singleElement().satisfies(delete -> {
            assertThat(delete.method()).isEqualTo("DELETE");
            assertThat(delete.rawPath()).isEqualTo("/storage/v1/object/images");
            assertThat(delete.headers().get("Authorization")).containsExactly("Bearer " + JWT_KEY);
            assertThat(delete.headers().get("apikey")).containsExactly(JWT_KEY);
            assertThat(delete.headers().get("Content-Type")).containsExactly("application/json");
            assertThat(new String(delete.body(), StandardCharsets.UTF_8)).isEqualTo("{\"prefixes\":[\"abc123.jpg\"]}");
        });
        assertThat(fake.object("abc123.jpg")).isEmpty();
    }

    @Test
    void deleteWithASecretKeySendsItInApikeyOnly() throws Exception {
        try (FakeSupabaseStorage secretFake = new FakeSupabaseStorage(SECRET_KEY, "images");
             SupabaseObjectStore secretStore = storeFor(secretFake, SECRET_KEY, "images")) {
            secretStore.put("s.jpg", jpegLike(100, 21), "image/jpeg");

            secretStore.delete("s.jpg");

            Received delete = secretFake.deletes().getFirst();
            assertThat(delete.headers().get("apikey")).containsExactly(SECRET_KEY);
            assertThat(delete.headers().containsKey("Authorization")).isFalse();
            assertThat(secretFake.object("s.jpg")).isEmpty();
        }
    }

    @Test
    void deleteAfterAServerErrorOrADroppedConnectionIsRetried() throws Exception {
        // given
        store.put("flaky.jpg", jpegLike(100, 22), "image/jpeg");
        fake.scriptDeletes(new Answer(500, INTERNAL), new Drop());

        // when
        store.delete("flaky.jpg");

        // then
        assertThat(fake.deletes()).hasSize(3);
        assertThat(fake.object("flaky.jpg")).isEmpty();
    }

    @Test
    void deleteRefusalIsFinalAndNamesTheCause() throws Exception {
        // given
        store.put("kept.jpg", jpegLike(100, 23), "image/jpeg");
        fake.scriptDeletes(new Answer(400, ACCESS_DENIED));

        // when / then
        assertThatThrownBy(() -> store.delete("kept.jpg"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("delete of images/kept.jpg")
                .hasMessageContaining("statusCode 403 AccessDenied")
                .hasMessageNotContaining(JWT_KEY);
        assertThat(fake.deletes()).hasSize(1);
        assertThat(fake.object("kept.jpg")).isPresent();
    }

    @Test
    void deleteOnAnUnreachableServerFailsWithStorageExceptionWithinTheDeadline() {
        // given
        URI closedPort = fake.url();
        fake.close();
        try (SupabaseObjectStore unreachable = new SupabaseObjectStore(
                new StorageConfig.Supabase(closedPort, JWT_KEY, "images"), FAST)) {

            // when / then
            assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
                    assertThatThrownBy(() -> unreachable.delete("x.jpg"))
                            .isInstanceOf(StorageException.class)
                            .hasMessageContaining("delete of images/x.jpg"));
        }
    }

    @Test
    void readyWhenTheBucketAnswers() {
        assertThat(store.isReady()).isTrue();
    }
}
