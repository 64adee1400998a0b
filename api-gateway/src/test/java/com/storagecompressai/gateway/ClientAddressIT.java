package com.storagecompressai.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-IP failed-authentication limit and X-Forwarded-For: believed only from TRUSTED_PROXIES. */
class ClientAddressIT {

    @TempDir
    Path data;

    private static int failedAuth(TestGateway gateway, String forwardedFor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.uri("/compress"))
                .header("x-api-key", "guess")
                .header("Content-Type", MultipartBody.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(MultipartBody.create().field("quality", "80").bytes()));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return gateway.send(request.build()).statusCode();
    }

    @Test
    void aSpoofedForwardedForFromAnUntrustedPeerDoesNotDodgeTheFailedAuthLimit() throws Exception {
        try (TestGateway gateway = TestGateway.start(data, Map.of("RATE_LIMIT_MAX", "3", "RATE_LIMIT_WINDOW", "600"))) {
            // given three failures, each claiming another address
            for (int i = 0; i < 3; i++) {
                assertThat(failedAuth(gateway, "198.51.100." + i)).isEqualTo(401);
            }
            // when a fourth claims yet another one
            int fourth = failedAuth(gateway, "198.51.100.99");
            // then the limit counted the real peer
            assertThat(fourth).isEqualTo(429);
        }
    }

    @Test
    void honoursTheForwardedForOfATrustedProxyButNotAHopPrependedByTheClient() throws Exception {
        try (TestGateway gateway = TestGateway.start(data, Map.of("RATE_LIMIT_MAX", "3", "RATE_LIMIT_WINDOW", "600",
                "TRUSTED_PROXIES", "127.0.0.0/8, ::1"))) {
            // given one client behind the proxy has used up its failures, each time prepending a made-up hop
            for (int i = 0; i < 3; i++) {
                assertThat(failedAuth(gateway, "6.6.6." + i + ", 203.0.113.1")).isEqualTo(401);
            }
            // when
            int sameClient = failedAuth(gateway, "203.0.113.1");
            int otherClient = failedAuth(gateway, "203.0.113.2");
            // then the proxy's word decides who is who
            assertThat(sameClient).isEqualTo(429);
            assertThat(otherClient).isEqualTo(401);
        }
    }
}
