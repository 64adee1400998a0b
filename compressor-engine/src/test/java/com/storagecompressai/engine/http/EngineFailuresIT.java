package com.storagecompressai.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.engine.api.CompressOptions;
import com.storagecompressai.engine.api.Compressed;
import com.storagecompressai.engine.api.CompressionException;
import com.storagecompressai.engine.api.Compressor;
import com.storagecompressai.engine.api.ErrorCode;
import com.storagecompressai.engine.config.EngineConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The engine in front of compressors that fail, to see what clients get. */
class EngineFailuresIT {

    @Test
    void answersOverloadWith503AndRetryAfter() throws Exception {
        HttpResponse<String> response = postTo(new FailingCompressor(
                new CompressionException(ErrorCode.OVERLOADED, "the compressor is busy; try again shortly")));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("1");
        assertThat(response.body()).isEqualTo("{\"statusCode\":503,\"error\":\"Service Unavailable\","
                + "\"message\":\"the compressor is busy; try again shortly\",\"code\":\"OVERLOADED\"}");
    }

    @Test
    void answersAnUnexpectedFailureWith500WithoutDetails() throws Exception {
        HttpResponse<String> response = postTo(new FailingCompressor(new IllegalStateException("secret at /opt/x")));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).isEqualTo(
                "{\"statusCode\":500,\"error\":\"Internal Server Error\",\"message\":\"internal error\",\"code\":\"INTERNAL\"}");
    }

    @Test
    void reportsNotReadyWhenTheCompressorIsNot() throws Exception {
        try (EngineServer engine = start(new FailingCompressor(new IllegalStateException("x")));
                HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> ready = client.send(HttpRequest.newBuilder(engine.uri().resolve("/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(ready.statusCode()).isEqualTo(503);
        }
    }

    private static HttpResponse<String> postTo(Compressor compressor) throws Exception {
        try (EngineServer engine = start(compressor); HttpClient client = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(engine.uri().resolve("/compress"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {1, 2, 3})).build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static EngineServer start(Compressor compressor) throws Exception {
        return EngineServer.start(EngineConfig.defaults().withPort(0), "127.0.0.1", compressor,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    private record FailingCompressor(Exception failure) implements Compressor {

        @Override
        public Compressed compress(byte[] image, CompressOptions options) throws CompressionException {
            if (failure instanceof CompressionException known) {
                throw known;
            }
            throw (RuntimeException) failure;
        }

        @Override
        public boolean isReady() {
            return false;
        }
    }
}
