package com.storagecompressai.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storagecompressai.engine.api.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QualityParameterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "quality=1|1", "quality=80|80", "quality=100|100", "quality=075|75", "a=b&quality=42&c=d|42", "other=5|80",
    })
    void acceptsDecimalDigitsFromOneToHundred(String query, int expected) throws Exception {
        assertThat(QualityParameter.parse(query)).isEqualTo(expected);
    }

    @Test
    void defaultsToEightyWithoutAQuery() throws Exception {
        assertThat(QualityParameter.parse(null)).isEqualTo(80);
        assertThat(QualityParameter.parse("")).isEqualTo(80);
    }

    @ParameterizedTest
    @ValueSource(strings = {"quality=80abc", "quality=-1", "quality=1e3", "quality=%2080%20", "quality=+80",
            "quality=0", "quality=101", "quality=", "quality", "quality=80.0", "quality=0x50", "quality=%EF%BC%98%EF%BC%90",
            "quality=99999999999999999999"})
    void refusesAnythingElse(String query) {
        assertThatThrownBy(() -> QualityParameter.parse(query))
                .isInstanceOfSatisfying(RequestException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_QUALITY));
    }

    @Test
    void refusesARepeatedParameter() {
        assertThatThrownBy(() -> QualityParameter.parse("quality=80&quality=80"))
                .isInstanceOfSatisfying(RequestException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_QUALITY);
                    assertThat(e.getMessage()).contains("2 times");
                });
    }

    @Test
    void refusesBrokenPercentEncodingAsInvalidRequest() {
        assertThatThrownBy(() -> QualityParameter.parse("quality=%zz"))
                .isInstanceOfSatisfying(RequestException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }
}
