package com.storagecompressai.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.engine.api.CompressionException;
import com.storagecompressai.engine.api.ErrorCode;
import com.storagecompressai.storage.StorageException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {

    private final ErrorMapper mapper = new ErrorMapper();

    @Test
    void writesFastifyShapeWithStableCode() {
        // when
        Reply reply = mapper.toReply(new RequestException(ErrorCode.INVALID_QUALITY, "quality must be 1-100"));
        // then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"statusCode\":400,\"error\":\"Bad Request\",\"message\":\"quality must be 1-100\",\"code\":\"INVALID_QUALITY\"}");
    }

    @Test
    void neverEchoesTheStorageError() {
        // when
        Reply reply = mapper.toReply(new StorageException("bucket s3://secret-bucket refused: AccessDenied"));
        // then
        String body = new String(reply.body(), StandardCharsets.UTF_8);
        assertThat(reply.status()).isEqualTo(500);
        assertThat(body).contains("\"code\":\"UPLOAD_FAILED\"").doesNotContain("secret-bucket");
    }

    @Test
    void answersUnavailableEnginesWithRetryAfter() {
        Reply reply = mapper.toReply(new CompressionException(ErrorCode.ENGINE_UNAVAILABLE, "connection refused to 10.0.0.7"));
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.headers()).containsKey("Retry-After");
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).doesNotContain("10.0.0.7");
    }

    @Test
    void hidesUnexpectedFailures() {
        Reply reply = mapper.toReply(new IllegalStateException("internal detail /etc/passwd"));
        assertThat(reply.status()).isEqualTo(500);
        assertThat(new String(reply.body(), StandardCharsets.UTF_8)).contains("INTERNAL").doesNotContain("passwd");
    }
}
