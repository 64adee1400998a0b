package com.storagecompressai.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.engine.api.ErrorCode;
import org.junit.jupiter.api.Test;

class ErrorBodyTest {

    @Test
    void serialisesInFastifyShapeAndOrder() {
        String json = ErrorBody.of(ErrorCode.INVALID_IMAGE, "the \"PNG\" image is corrupt").toJson();

        assertThat(json).isEqualTo(
                "{\"statusCode\":400,\"error\":\"Bad Request\",\"message\":\"the \\\"PNG\\\" image is corrupt\",\"code\":\"INVALID_IMAGE\"}");
    }
}
