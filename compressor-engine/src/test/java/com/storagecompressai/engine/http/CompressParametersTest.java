package com.storagecompressai.engine.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storagecompressai.engine.api.CompressOptions;
import com.storagecompressai.engine.api.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompressParametersTest {

    @Test
    void noParametersMeansTheOldDefaults() throws RequestException {
        assertThat(CompressParameters.parse(null)).isEqualTo(CompressOptions.defaults());
        assertThat(CompressParameters.parse("quality=55&other=x")).isEqualTo(new CompressOptions(55));
    }

    @Test
    void readsEveryOption() throws RequestException {
        CompressOptions options = CompressParameters.parse("quality=70&width=640&height=480&fit=cover&enlarge=true"
                + "&target=0.95&max_bytes=50000&progressive=false&subsampling=444&strip=false");

        assertThat(options).isEqualTo(new CompressOptions(70, 640, 480, CompressOptions.Fit.COVER, true, 0.95,
                50_000L, false, CompressOptions.Subsampling.S444, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"width=0", "width=16385", "width=-5", "width=%2B5", "width=5.0", "width=", "height=abc",
            "width=1&width=2", "fit=Cover", "fit=scale", "enlarge=1", "enlarge=TRUE", "progressive=yes",
            "strip=", "subsampling=422", "target=0", "target=1.5", "target=1e-1", "target=-0.5", "target=.9",
            "target=0.9x", "max_bytes=0", "max_bytes=1e6", "max_bytes=9999999999999999999", "target=NaN"})
    void refusesBadValuesAsInvalidRequest(String query) {
        assertThatThrownBy(() -> CompressParameters.parse(query))
                .isInstanceOfSatisfying(RequestException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void aBadQualityStaysInvalidQuality() {
        assertThatThrownBy(() -> CompressParameters.parse("quality=0&width=10"))
                .isInstanceOfSatisfying(RequestException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_QUALITY));
    }
}
