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
 * 500 UPLOAD_FAILED without echoing the store's words, and never a 200 for an object the store does not hold.
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
