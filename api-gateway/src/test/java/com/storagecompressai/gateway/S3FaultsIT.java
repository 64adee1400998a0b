package com.storagecompressai.gateway;

import static com.storagecompressai.gateway.Bodies.code;
import static com.storagecompressai.gateway.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S3 (S3Proxy over an in-memory blob store) stopped while the gateway uploads: every 200 names a stored, readable
 * object, every failure is 500 UPLOAD_FAILED within the deadline, and once S3 is back and the clean-up has run, the
 * bucket holds exactly the 200s' objects: none left behind by a 500 (issue 4).
 */
class S3FaultsIT {

    private static final String ACCESS = "gateway-test-access";
    private static final String SECRET = "gateway-test-secret";
    private static final String BUCKET = "images";

    @TempDir
    Path data;

    private BlobStoreContext context;
    private BlobStore blobs;
    private FaultyBlobStore faults;
    private S3Proxy proxy;
    private int port;

    @BeforeEach
    void startS3() throws Exception {
        context = ContextBuilder.newBuilder("transient").credentials("identity", "credential").build(BlobStoreContext.class);
        blobs = context.getBlobStore();
        blobs.createContainerInLocation(null, BUCKET);
        faults = new FaultyBlobStore(blobs);
        port = TestGateway.freePort();
        startProxy();
    }

    private void startProxy() throws Exception {
        proxy = S3Proxy.builder()
                .blobStore(faults)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET)
                .build();
        proxy.start();
    }

    @AfterEach
    void stopS3() throws Exception {
        faults.release();
        proxy.stop();
        context.close();
    }

    private TestGateway gateway() {
        return TestGateway.start(data, Map.of("STORAGE_BACKEND", "s3", "S3_ENDPOINT", "http://127.0.0.1:" + port,
                "S3_REGION", "us-east-1", "S3_BUCKET", BUCKET, "S3_ACCESS_KEY_ID", ACCESS, "S3_SECRET_ACCESS_KEY", SECRET,
                "STORAGE_DEADLINE_SECONDS", "3"));
    }

    private static MultipartBody png(int size) {
        return MultipartBody.create().file("image", "a.png", "image/png", TestImages.gradientPng(size, size));
    }

    @Test
    void storageStoppedThenRestartedLosesNothingAndLeavesNothingBehind() throws Exception {
        try (TestGateway gateway = gateway()) {
            // given one stored object
            HttpResponse<byte[]> before = gateway.compress(TestGateway.KEY, png(32));
            assertThat(before.statusCode()).as(new String(before.body())).isEqualTo(200);
            // when S3 stops
            proxy.stop();
            List<HttpResponse<byte[]>> duringOutage = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                duringOutage.add(gateway.compress(TestGateway.KEY, png(32)));
            }
            // and comes back on the same port
            startProxy();
            HttpResponse<byte[]> after = gateway.compress(TestGateway.KEY, png(32));
            // then
            assertThat(duringOutage).allSatisfy(response -> {
                assertThat(response.statusCode()).isEqualTo(500);
                assertThat(code(response)).isEqualTo("UPLOAD_FAILED");
                assertThat(new String(response.body())).doesNotContain("127.0.0.1").doesNotContain("Exception");
            });
            assertThat(after.statusCode()).isEqualTo(200);
            Await.until(() -> gateway.metric("gateway_storage_cleanups_pending") == 0);
            assertThat(objectNames()).containsExactlyInAnyOrder(name(before), name(after));
            assertReadableJpeg(name(before));
            assertReadableJpeg(name(after));
        }
    }

    @Test
    void storageStoppedDuringConcurrentUploadsNeverYieldsA200WithoutAnObjectNorAPartialObject() throws Exception {
        try (TestGateway gateway = gateway(); ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            // given 24 uploads under way
            List<Future<HttpResponse<byte[]>>> uploads = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                uploads.add(clients.submit(() -> gateway.compress(TestGateway.KEY, png(64))));
            }
            // when S3 stops once the first of them has been stored
            while (blobs.list(BUCKET).isEmpty() && uploads.stream().anyMatch(f -> !f.isDone())) {
                Thread.onSpinWait();
            }
            proxy.stop();
            // then
            Set<String> answered200 = new HashSet<>();
            int uploadFailures = 0;
            for (Future<HttpResponse<byte[]>> upload : uploads) {
                HttpResponse<byte[]> response = upload.get();
                if (response.statusCode() == 200) {
                    answered200.add(name(response));
                } else {
                    // 500 when the store failed; 503 OVERLOADED when the engine's bounded pool turned it away first
                    assertThat(response.statusCode() + " " + code(response)).isIn("500 UPLOAD_FAILED", "503 OVERLOADED");
                    uploadFailures += response.statusCode() == 500 ? 1 : 0;
                }
            }
            assertThat(answered200).isNotEmpty();
            assertThat(objectNames()).containsAll(answered200);
            // when S3 comes back: a PUT it committed just before it stopped lost its answer (the client got 500), and
            // the gateway's clean-up, retrying in the background, now deletes it
            startProxy();
            Await.until(() -> gateway.metric("gateway_storage_cleanups_pending") == 0);
            // then the bucket holds exactly the 200s' objects, each whole and readable
            assertThat(objectNames()).containsExactlyInAnyOrderElementsOf(answered200);
            for (String name : answered200) {
                assertReadableJpeg(name);
            }
            assertThat(gateway.metric("gateway_storage_cleanups_total{outcome=\"deleted\"}")).isGreaterThanOrEqualTo(uploadFailures);
            assertThat(gateway.metric("gateway_storage_cleanups_total{outcome=\"abandoned\"}")).isZero();
        }
    }

    @Test
    void aPutS3KeptButNeverAnsweredIsDeletedInTheBackgroundOnceS3IsBack() throws Exception {
        try (TestGateway gateway = gateway()) {
            // given S3 that stores each PUT but answers only after the gateway's 3 s deadline, and fails deletes
            faults.holdPutAnswers = true;
            faults.failDeletes = true;
            // when
            HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY, png(32));
            // then the client gets its 500 at once, although S3 holds the object and cannot delete it yet
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(code(response)).isEqualTo("UPLOAD_FAILED");
            assertThat(objectNames()).hasSize(1);
            Await.until(() -> faults.deletes.get() >= 1);
            assertThat(gateway.metric("gateway_storage_cleanups_pending")).isEqualTo(1.0);
            // when S3 stops altogether, then comes back whole
            faults.release();
            proxy.stop();
            faults.failDeletes = false;
            startProxy();
            // then the clean-up deletes the object, and nothing is left behind
            Await.until(() -> objectNames().isEmpty() && gateway.metric("gateway_storage_cleanups_pending") == 0);
            assertThat(gateway.metric("gateway_storage_cleanups_total{outcome=\"deleted\"}")).isEqualTo(1.0);
            assertThat(gateway.metric("gateway_storage_cleanups_total{outcome=\"abandoned\"}")).isZero();
        }
    }

    /** Forwards to the in-memory store; on demand, holds the answer to a PUT it has stored, or fails deletes. */
    private static final class FaultyBlobStore extends ForwardingBlobStore {
        volatile boolean holdPutAnswers;
        volatile boolean failDeletes;
        final AtomicInteger deletes = new AtomicInteger();
        private final CountDownLatch released = new CountDownLatch(1);

        FaultyBlobStore(BlobStore blobStore) {
            super(blobStore);
        }

        @Override
        public String putBlob(String container, Blob blob) {
            return held(super.putBlob(container, blob));
        }

        @Override
        public String putBlob(String container, Blob blob, PutOptions options) {
            return held(super.putBlob(container, blob, options));
        }

        @Override
        public void removeBlob(String container, String name) {
            deletes.incrementAndGet();
            if (failDeletes) {
                throw new IllegalStateException("the store is down for deletes");
            }
            super.removeBlob(container, name);
        }

        private String held(String etag) {
            if (holdPutAnswers) {
                try {
                    released.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return etag;
        }

        void release() {
            holdPutAnswers = false;
            released.countDown();
        }
    }

    private static String name(HttpResponse<byte[]> response) {
        String url = json(response).path("url").asText();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private Set<String> objectNames() {
        Set<String> names = new HashSet<>();
        for (StorageMetadata metadata : blobs.list(BUCKET)) {
            names.add(metadata.getName());
        }
        return names;
    }

    private void assertReadableJpeg(String name) throws Exception {
        Blob blob = blobs.getBlob(BUCKET, name);
        assertThat(blob).as(name).isNotNull();
        try (var in = blob.getPayload().openStream()) {
            byte[] bytes = in.readAllBytes();
            assertThat(bytes).as(name).startsWith((byte) 0xFF, (byte) 0xD8).endsWith((byte) 0xFF, (byte) 0xD9);
        }
    }
}
