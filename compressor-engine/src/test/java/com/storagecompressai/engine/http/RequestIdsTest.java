package com.storagecompressai.engine.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "A-b_c.9", "0123456789012345678901234567890123456789012345678901234567890123"})
    void keepsASaneClientId(String id) {
        assertThat(RequestIds.accept(id)).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "new\nline", "x\"y", "é", "01234567890123456789012345678901234567890123456789012345678901234"})
    void replacesAnInsaneClientId(String id) {
        String accepted = RequestIds.accept(id);

        assertThat(accepted).isNotEqualTo(id);
        assertThat(RequestIds.isSane(accepted)).isTrue();
    }

    @Test
    void makesANewIdWhenNoneIsSent() {
        assertThat(RequestIds.accept(null)).matches("[0-9a-f-]{36}");
    }
}
