package com.storagecompressai.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdTest {

    @Test
    void keepsASaneClientId() {
        assertThat(RequestId.accept("abc-123_X.y")).isEqualTo("abc-123_X.y");
    }

    @Test
    void replacesMissingOrUnsafeIds() {
        assertThat(RequestId.accept(null)).matches("[0-9a-f-]{36}");
        assertThat(RequestId.accept("bad id\r\ninjected")).matches("[0-9a-f-]{36}");
        assertThat(RequestId.accept("x".repeat(65))).matches("[0-9a-f-]{36}");
    }
}
