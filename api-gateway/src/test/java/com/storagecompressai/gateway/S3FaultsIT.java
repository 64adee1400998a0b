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
import java.util.concurrent.Future;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S3 (S3Proxy over an in-memory blob store) stopped while the gateway uploads: every 200 names a stored, readable
 * object, every failure is 500 UPLOAD_FAILED within the deadline, and the bucket holds nothing but the 200s' objects.
 */
class S3FaultsIT {

    private static final String ACCESS = "gateway-test-access";
    private static final String SECRET = "gateway-test-secret";
    private static final String BUCKET = "images";

    @TempDir
    Path data;

    private BlobStoreContext context;
    private BlobStore blobs;
    private S3Proxy proxy;
    private int port;

    @BeforeEach
    void startS3() throws Exception {
        context = ContextBuilder.newBuilder("transient").credentials("identity", "credential").build(BlobStoreContext.class);
        blobs = context.getBlobStore();
        blobs.createContainerInLocation(null, BUCKET);
        port = TestGateway.freePort();
        startProxy();
    }

    private void startProxy() throws Exception {
        proxy = S3Proxy.builder()
                .blobStore(blobs)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS, SECRET)
                .build();
        proxy.start();
    }

    @AfterEach
    void stopS3() throws Exception {
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
            Set<String> stored = objectNames();
            assertThat(stored).containsAll(answered200);
            // A PUT that S3 committed just before the proxy stopped loses its answer: the client gets 500 and the complete
            // object stays, since no clean-up can reach a stopped store (flaky before, 2 of 4 runs at 4aee167). What must
            // hold: every 200 is readable, every leftover belongs to a 500, and nothing stored is partial.
            assertThat(stored.size() - answered200.size()).isLessThanOrEqualTo(uploadFailures);
            for (String name : stored) {
                assertReadableJpeg(name);
            }
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
