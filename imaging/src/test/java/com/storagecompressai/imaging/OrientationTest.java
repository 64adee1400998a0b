package com.storagecompressai.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.jpeg.ColorChannels;
import com.storagecompressai.jpeg.RasterImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrientationTest {

    /**
     * Stored 3x2 grey image
     * <pre>
     * 1 2 3
     * 4 5 6
     * </pre>
     * and what each EXIF orientation makes of it when displayed upright.
     */
    @ParameterizedTest(name = "orientation {0}")
    @CsvSource({
        "1, 3, 1 2 3 4 5 6",
        "2, 3, 3 2 1 6 5 4",
        "3, 3, 6 5 4 3 2 1",
        "4, 3, 4 5 6 1 2 3",
        "5, 2, 1 4 2 5 3 6",
        "6, 2, 4 1 5 2 6 3",
        "7, 2, 6 3 5 2 4 1",
        "8, 2, 3 6 2 5 1 4",
    })
    void turnsPixelsUprightForEveryTagValue(int tag, int expectedWidth, String expectedSamples) {
        // given
        RasterImage stored = new RasterImage(3, 2, ColorChannels.GRAY, new byte[] {1, 2, 3, 4, 5, 6});

        // when
        RasterImage upright = Orientation.fromTag(tag).apply(stored);

        // then
        assertThat(upright.width()).isEqualTo(expectedWidth);
        assertThat(upright.height()).isEqualTo(6 / expectedWidth);
        assertThat(upright.samples()).containsExactly(samples(expectedSamples));
    }

    @ParameterizedTest
    @CsvSource({"0", "9", "-1", "65535"})
    void treatsUnknownTagValuesAsUpright(int tag) {
        assertThat(Orientation.fromTag(tag)).isEqualTo(Orientation.TOP_LEFT);
    }

    private static byte[] samples(String spaced) {
        String[] parts = spaced.split(" ");
        byte[] out = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Byte.parseByte(parts[i]);
        }
        return out;
    }
}
