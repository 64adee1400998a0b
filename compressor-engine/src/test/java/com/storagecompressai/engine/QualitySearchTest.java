package com.storagecompressai.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storagecompressai.engine.api.CompressionException;
import com.storagecompressai.engine.api.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualitySearchTest {

    /** Size 1000 + 50·q bytes and score 0.5 + q/200: both grow with quality. */
    private static final class Linear implements QualitySearch.Trials {
        final List<Integer> encoded = new ArrayList<>();

        @Override
        public byte[] encode(int quality) {
            encoded.add(quality);
            byte[] jpeg = new byte[1000 + 50 * quality];
            jpeg[0] = (byte) quality;
            return jpeg;
        }

        @Override
        public double score(byte[] jpeg) {
            return 0.5 + (jpeg[0] & 0xFF) / 200.0;
        }
    }

    @Test
    void targetPicksTheLowestQualityThatReachesItInAtMostSevenEncodes() throws CompressionException {
        Linear trials = new Linear();

        QualitySearch.Pick pick = new QualitySearch(trials).pick(0.9, null); // 0.5 + q/200 >= 0.9 from q = 80

        assertThat(pick.quality()).isEqualTo(80);
        assertThat(pick.score()).isEqualTo(0.9);
        assertThat(trials.encoded).hasSizeLessThanOrEqualTo(7).doesNotHaveDuplicates();
    }

    @Test
    void maxBytesPicksTheHighestQualityUnderTheSize() throws CompressionException {
        Linear trials = new Linear();

        QualitySearch.Pick pick = new QualitySearch(trials).pick(null, 4_020L); // 1000 + 50q <= 4020 up to q = 60

        assertThat(pick.quality()).isEqualTo(60);
        assertThat(pick.jpeg()).hasSize(4_000);
        assertThat(trials.encoded).hasSizeLessThanOrEqualTo(8).doesNotHaveDuplicates();
    }

    @Test
    void withBothTheSizeCapsTheTarget() throws CompressionException {
        assertThat(new QualitySearch(new Linear()).pick(0.9, 3_000L).quality()).isEqualTo(40);
        assertThat(new QualitySearch(new Linear()).pick(0.6, 100_000L).quality()).isEqualTo(20);
    }

    @Test
    void anUnreachableTargetGivesTheBestQuality() throws CompressionException {
        assertThat(new QualitySearch(new Linear()).pick(1.0, null).quality()).isEqualTo(100);
    }

    @Test
    void aSizeBelowQualityOneIsUnreachable() {
        assertThatThrownBy(() -> new QualitySearch(new Linear()).pick(null, 1_049L))
                .isInstanceOfSatisfying(CompressionException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TARGET_UNREACHABLE));
    }
}
