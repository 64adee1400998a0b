package com.storagecompressai.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two gateways and one real Redis hold one limit between them. */
class SharedRateLimitIT {

    @TempDir
    Path data;

    @Test
    void twoGatewaysSharingRedisAllowAtMostTheLimitTogether() throws Exception {
        try (RedisServer redis = RedisServer.start();
                TestGateway first = TestGateway.start(data.resolve("a"), limits(redis));
                TestGateway second = TestGateway.start(data.resolve("b"), limits(redis))) {
            // given an 8x8 image
            MultipartBody body = MultipartBody.create().file("image", "a.png", "image/png", TestImages.gradientPng(8, 8));
            // when the same key sends 12 requests, alternating gateways
            int ok = 0;
            int limited = 0;
            for (int i = 0; i < 12; i++) {
                HttpResponse<byte[]> response = (i % 2 == 0 ? first : second).compress(TestGateway.KEY, body);
                if (response.statusCode() == 200) {
                    ok++;
                } else if (response.statusCode() == 429) {
                    limited++;
                }
            }
            // then the two together allowed exactly the limit
            assertThat(ok).isEqualTo(5);
            assertThat(limited).isEqualTo(7);
        }
    }

    private static Map<String, String> limits(RedisServer redis) {
        return Map.of("REDIS_URL", redis.url(), "RATE_LIMIT_MAX", "5", "RATE_LIMIT_WINDOW", "600");
    }
}
