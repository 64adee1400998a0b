package com.storagecompressai.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.engine.api.CompressionException;
import com.storagecompressai.engine.api.ErrorCode;
import java.io.IOException;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.io.EofException;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {

    @Test
    void mapsCompressionExceptionToItsCodeAndSafeMessage() {
        ErrorBody body = ErrorMapper.map(new CompressionException(ErrorCode.INVALID_IMAGE, "the PNG image is corrupt"), "id");

        assertThat(body).isEqualTo(new ErrorBody(400, "Bad Request", "the PNG image is corrupt", "INVALID_IMAGE"));
    }

    @Test
    void mapsOverloadToServiceUnavailable() {
        ErrorBody body = ErrorMapper.map(new CompressionException(ErrorCode.OVERLOADED, "busy"), "id");

        assertThat(body.statusCode()).isEqualTo(503);
        assertThat(body.error()).isEqualTo("Service Unavailable");
    }

    @Test
    void mapsRequestExceptionToItsCode() {
        ErrorBody body = ErrorMapper.map(new RequestException(ErrorCode.PAYLOAD_TOO_LARGE, "too big"), "id");

        assertThat(body).isEqualTo(new ErrorBody(413, "Payload Too Large", "too big", "PAYLOAD_TOO_LARGE"));
    }

    @Test
    void mapsClientSideHttpFailuresToBadRequestNotServerError() {
        assertThat(ErrorMapper.map(new BadMessageException("bad header"), "id").code()).isEqualTo("INVALID_REQUEST");
        assertThat(ErrorMapper.map(new EofException("reset"), "id").statusCode()).isEqualTo(400);
        assertThat(ErrorMapper.map(new IOException("early EOF"), "id").statusCode()).isEqualTo(400);
    }

    @Test
    void hidesTheMessageOfUnexpectedFailures() {
        ErrorBody body = ErrorMapper.map(new IllegalStateException("secret internal detail at /opt/x"), "id");

        assertThat(body).isEqualTo(new ErrorBody(500, "Internal Server Error", "internal error", "INTERNAL"));
    }

    @Test
    void mapsBareJettyStatusesWithoutTurningClientErrorsIntoServerErrors() {
        assertThat(ErrorMapper.forStatus(431)).isEqualTo(
                new ErrorBody(431, "Request Header Fields Too Large", "malformed request", "INVALID_REQUEST"));
        assertThat(ErrorMapper.forStatus(413).code()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(ErrorMapper.forStatus(404).code()).isEqualTo("NOT_FOUND");
        assertThat(ErrorMapper.forStatus(500).code()).isEqualTo("INTERNAL");
    }
}
