package com.storagecompressai.gateway;

import static com.storagecompressai.gateway.Bodies.code;
import static com.storagecompressai.gateway.Bodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.gateway.FakeSupabase.Fault;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Supabase Storage failing under the gateway: retried where safe, bounded by STORAGE_DEADLINE_SECONDS, answered
 * 500 UPLOAD_FAILED without echoing the store's words, never a 200 for an object the store does not hold, and no
 * object left behind by a 500 (issue 4).
 */
class StorageFaultsIT {

    @TempDir
    Path data;

    private static TestGateway gateway(Path data, FakeSupabase supabase) {
        return TestGateway.start(data, Map.of("STORAGE_BACKEND", "supabase", "SUPABASE_URL", supabase.url(),
                "SUPABASE_KEY", "sb_secret_test", "SUPABASE_BUCKET", "images", "STORAGE_DEADLINE_SECONDS", "3"));
    }

    private static MultipartBody png() {
        return MultipartBody.create().file("image", "a.png", "image/png", TestImages.gradientPng(16, 16));
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"HTTP_500", "HTTP_503", "HANG", "CLOSE"})
    void answersUploadFailedWithinTheDeadlineWhenTheStoreKeepsFailing(Fault fault) throws Exception {
        try (FakeSupabase supabase = new FakeSupabase().otherwise(fault); TestGateway gateway = gateway(data, supabase)) {
            // when
            HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY, png());
            // then
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(code(response)).isEqualTo("UPLOAD_FAILED");
            assertThat(new String(response.body())).doesNotContain("internal-secret-detail").doesNotContain("127.0.0.1")
                    .doesNotContain("supabase");
            assertThat(supabase.objects).isEmpty();
            assertThat(supabase.uploads.get()).isGreaterThanOrEqualTo(1);
            assertThat(gateway.get("/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anUploadStoredButNeverAnsweredIsDeletedAfterThe500() throws Exception {
        try (FakeSupabase supabase = new FakeSupabase().otherwise(Fault.STORE_THEN_CLOSE);
                TestGateway gateway = gateway(data, supabase)) {
            // when every try is kept by the store but its answer is lost
            HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY, png());
            // then the client gets its error, and the object the store kept goes
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(code(response)).isEqualTo("UPLOAD_FAILED");
            Await.until(() -> supabase.objects.isEmpty() && gateway.metric("gateway_storage_cleanups_pending") == 0);
            assertThat(supabase.deletes.get()).isGreaterThanOrEqualTo(1);
            assertThat(gateway.metric("gateway_storage_cleanups_total{outcome=\"deleted\"}")).isEqualTo(1.0);
        }
    }

    @Test
    void anOrphanIsDeletedInTheBackgroundOnceTheStoreTakesDeletesAgain() throws Exception {
        try (FakeSupabase supabase = new FakeSupabase().otherwise(Fault.STORE_THEN_CLOSE);
                TestGateway gateway = gateway(data, supabase)) {
            // given a store that keeps uploads without answering, and refuses deletes
            supabase.deletesFail = true;
            // when
            HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY, png());
            // then the 500 comes without waiting for the clean-up, which goes on until the store is back
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(supabase.objects).hasSize(1);
            Await.until(() -> supabase.deletes.get() >= 2);
            assertThat(supabase.objects).hasSize(1);
            assertThat(gateway.metric("gateway_storage_cleanups_pending")).isEqualTo(1.0);
            supabase.deletesFail = false;
            Await.until(() -> supabase.objects.isEmpty() && gateway.metric("gateway_storage_cleanups_pending") == 0);
        }
    }

    @Test
    void aFailedDedupeRequestNeverDeletesTheObjectAnEarlier200NamedWithTheSameContentName() throws Exception {
        try (FakeSupabase supabase = new FakeSupabase(); TestGateway gateway = gateway(data, supabase)) {
            // given a 200 for a content-named object
            MultipartBody dedupe = png().field("dedupe", "true");
            HttpResponse<byte[]> first = gateway.compress(TestGateway.KEY, dedupe);
            assertThat(first.statusCode()).as(new String(first.body())).isEqualTo(200);
            // when the same request fails later with its answer lost
            supabase.otherwise(Fault.STORE_THEN_CLOSE);
            HttpResponse<byte[]> again = gateway.compress(TestGateway.KEY, dedupe);
            // then the first 200 still names a stored object, and no delete was sent
            assertThat(again.statusCode()).isEqualTo(500);
            assertThat(gateway.metric("gateway_storage_cleanups_pending")).isZero();
            assertThat(supabase.deletes).hasValue(0);
            String url = json(first).path("url").asText();
            assertThat(supabase.objects).hasSize(1);
            assertThat(url).endsWith(supabase.objects.keySet().iterator().next().substring("images/".length()));
        }
    }

    @Test
    void retriesATransientFailureAndAnswers200OnlyForAnObjectTheStoreHolds() throws Exception {
        try (FakeSupabase supabase = new FakeSupabase().then(Fault.HTTP_503, Fault.CLOSE);
                TestGateway gateway = gateway(data, supabase)) {
            // when the first two attempts fail and the third succeeds
            HttpResponse<byte[]> response = gateway.compress(TestGateway.KEY, png());
            // then
            assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
            assertThat(supabase.uploads).hasValue(3);
            String url = json(response).path("url").asText();
            assertThat(supabase.objects).hasSize(1);
            String stored = supabase.objects.keySet().iterator().next();
            assertThat(url).endsWith(stored.substring(stored.indexOf('/') + 1));
            assertThat(supabase.objects.get(stored)).startsWith((byte) 0xFF, (byte) 0xD8);
        }
    }
}
