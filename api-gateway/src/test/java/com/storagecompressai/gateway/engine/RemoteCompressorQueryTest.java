package com.storagecompressai.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.engine.api.CompressOptions;
import com.storagecompressai.engine.api.CompressOptions.Fit;
import com.storagecompressai.engine.api.CompressOptions.Subsampling;
import org.junit.jupiter.api.Test;

class RemoteCompressorQueryTest {

    @Test
    void sendsOnlyQualityWhenNoOptionIsGiven() {
        assertThat(RemoteCompressor.query(new CompressOptions(65))).isEqualTo("quality=65");
    }

    @Test
    void sendsEveryGivenOptionUnderTheEnginesParameterNames() {
        // given
        CompressOptions options = new CompressOptions(70).withSize(800, 600, Fit.COVER, true).withTarget(0.95, 50_000L)
                .withOutput(false, Subsampling.S444, false);
        // when
        String query = RemoteCompressor.query(options);
        // then
        assertThat(query).isEqualTo("quality=70&width=800&height=600&fit=cover&enlarge=true&target=0.95&max_bytes=50000"
                + "&progressive=false&subsampling=444&strip=false");
    }
}
