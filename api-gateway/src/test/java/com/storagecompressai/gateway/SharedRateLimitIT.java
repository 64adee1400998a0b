package com.storagecompressai.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    @Test
    void requestsArrivingTogetherAtColdGatewaysAllowAtMostTheLimitTogether() throws Exception {
        try (RedisServer redis = RedisServer.start();
                TestGateway first = TestGateway.start(data.resolve("a"), limits(redis, 10));
                TestGateway second = TestGateway.start(data.resolve("b"), limits(redis, 10));
                ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            // given two gateways that have not talked to Redis yet
            MultipartBody body = MultipartBody.create().file("image", "a.png", "image/png", TestImages.gradientPng(8, 8));
            CountDownLatch start = new CountDownLatch(1);
            // when the same key sends 24 requests at once, half to each
            List<Future<HttpResponse<byte[]>>> responses = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                TestGateway gateway = i % 2 == 0 ? first : second;
                responses.add(clients.submit(() -> {
                    start.await();
                    return gateway.compress(TestGateway.KEY, body);
                }));
            }
            start.countDown();
            // then none was counted in a gateway's memory while the first connect was under way
            int limited = 0;
            for (Future<HttpResponse<byte[]>> response : responses) {
                limited += response.get().statusCode() == 429 ? 1 : 0;
            }
            assertThat(24 - limited).as("requests let through the limit of 10").isEqualTo(10);
        }
    }

    private static Map<String, String> limits(RedisServer redis) {
        return limits(redis, 5);
    }

    private static Map<String, String> limits(RedisServer redis, int max) {
        return Map.of("REDIS_URL", redis.url(), "RATE_LIMIT_MAX", Integer.toString(max), "RATE_LIMIT_WINDOW", "600");
    }
}
