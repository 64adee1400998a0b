package com.storagecompressai.gateway.multipart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storagecompressai.engine.api.ErrorCode;
import com.storagecompressai.gateway.http.RequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QualityFieldTest {

    @ParameterizedTest
    @CsvSource({"1,1", "80,80", "100,100", "007,7"})
    void acceptsDecimalDigitsFromOneToHundred(String text, int expected) {
        assertThat(QualityField.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "101", "-5", "+5", "80.0", "8e1", "0x50", " 80", "80 ", "eighty", "１２", "99999999999"})
    void rejectsAnythingElseAsInvalidQuality(String text) {
        assertThatThrownBy(() -> QualityField.parse(text))
                .isInstanceOfSatisfying(RequestException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_QUALITY));
    }
}
