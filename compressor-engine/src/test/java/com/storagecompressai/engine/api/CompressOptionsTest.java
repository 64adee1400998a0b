package com.storagecompressai.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CompressOptionsTest {

    @Test
    void theQualityConstructorMeansNoResizeNoSearchProgressive420Stripped() {
        CompressOptions options = new CompressOptions(65);

        assertThat(options.quality()).isEqualTo(65);
        assertThat(options.width()).isNull();
        assertThat(options.height()).isNull();
        assertThat(options.fit()).isEqualTo(CompressOptions.Fit.INSIDE);
        assertThat(options.enlarge()).isFalse();
        assertThat(options.target()).isNull();
        assertThat(options.maxBytes()).isNull();
        assertThat(options.progressive()).isTrue();
        assertThat(options.subsampling()).isEqualTo(CompressOptions.Subsampling.S420);
        assertThat(options.strip()).isTrue();
        assertThat(options.resizes()).isFalse();
        assertThat(options.searchesQuality()).isFalse();
        assertThat(CompressOptions.defaults()).isEqualTo(new CompressOptions(80));
    }

    @Test
    void acceptsTheEdgesOfEachRange() {
        CompressOptions options = CompressOptions.defaults()
                .withSize(1, 16_384, CompressOptions.Fit.COVER, true)
                .withTarget(1.0, 1L);

        assertThat(options.resizes()).isTrue();
        assertThat(options.searchesQuality()).isTrue();
        assertThat(CompressOptions.defaults().withTarget(0.0001, null).target()).isEqualTo(0.0001);
    }

    @Test
    void refusesValuesOutOfRange() {
        CompressOptions base = CompressOptions.defaults();

        assertThatThrownBy(() -> new CompressOptions(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.withSize(0, null, CompressOptions.Fit.INSIDE, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("width");
        assertThatThrownBy(() -> base.withSize(null, 16_385, CompressOptions.Fit.INSIDE, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("height");
        assertThatThrownBy(() -> base.withTarget(0.0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.withTarget(1.01, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.withTarget(Double.NaN, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.withTarget(null, 0L)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.withSize(10, 10, null, false)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void compressedKeepsItsOldConstructorAsAnEncodeOfUnknownQuality() {
        Compressed compressed = new Compressed(new byte[] {1}, 1, 1, java.time.Duration.ZERO, java.time.Duration.ZERO);

        assertThat(compressed.quality()).isNull();
        assertThat(compressed.score()).isNull();
        assertThat(compressed.source()).isEqualTo(Compressed.Source.ENCODED);
        assertThat(compressed.servedOriginal()).isFalse();
    }
}
