package com.storagecompressai.imaging;

import static com.storagecompressai.imaging.TestImages.rgbAt;
import static com.storagecompressai.imaging.TestImages.BLUE;
import static com.storagecompressai.imaging.TestImages.GREEN;
import static com.storagecompressai.imaging.TestImages.RED;
import static com.storagecompressai.imaging.TestImages.WHITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.storagecompressai.jpeg.ColorChannels;
import com.storagecompressai.jpeg.RasterImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** WebP and TIFF: containers whose metadata and lying headers we read ourselves. */
class ContainerFormatsTest {

    /*
     * ImageIO cannot write WebP, so these three tiny files were made once with sharp (libwebp) from the same
     * 64x32 red/green/blue/white quadrants as TestImages.quadrants(): lossless; lossless with EXIF
     * orientation 6 and an sRGB ICCP chunk (VP8X container); lossy at quality 95.
     */
    private static final String WEBP_LOSSLESS =
            "UklGRjgAAABXRUJQVlA4TCwAAAAvP8AHAB8gEEjeHzqN+RcQFPwf3fxHZA+ASIDEk570pIlMjej/BAyLvoJHXw==";
    private static final String WEBP_LOSSLESS_ROTATED_ICC = "UklGRvQCAABXRUJQVlA4WAoAAAAoAAAAPwAAHwAASUNDUOABAAAAAAHgbGNtcwQgAABtbnRyUkdCIFhZWiAH4gADABQACQAOAB1hY3NwTVNGVAAAAABzYXdzY3RybAAAAAAAAAAAAAAAAAAA9tYAAQAAAADTLWhhbmR56b9WWj4BtoMjhVVG90+qAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAApkZXNjAAAA/AAAACRjcHJ0AAABIAAAACJ3dHB0AAABRAAAABRjaGFkAAABWAAAACxyWFlaAAABhAAAABRnWFlaAAABmAAAABRiWFlaAAABrAAAABRyVFJDAAABwAAAACBnVFJDAAABwAAAACBiVFJDAAABwAAAACBtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAYAAAAcAEMAQwAwAABYWVogAAAAAAAA9tYAAQAAAADTLXNmMzIAAAAAAAEMPwAABd3///MmAAAHkAAA/ZL///uh///9ogAAA9wAAMBxWFlaIAAAAAAAAG+gAAA48gAAA49YWVogAAAAAAAAYpYAALeJAAAY2lhZWiAAAAAAAAAkoAAAD4UAALbEcGFyYQAAAAAAAwAAAAJmaQAA8qcAAA1ZAAAT0AAACltWUDhMLAAAAC8/wAcAHyAQSN4fOo35FxAU/B/d/EdkD4BIgMSTnvSkiUyN6P8EDIu+gkdfRVhJRroAAABFeGlmAABJSSoACAAAAAYAEgEDAAEAAAAGAAAAGgEFAAEAAABWAAAAGwEFAAEAAABeAAAAKAEDAAEAAAACAAAAEwIDAAEAAAABAAAAaYcEAAEAAABmAAAAAAAAADhjAADoAwAAOGMAAOgDAAAGAACQBwAEAAAAMDIxMAGRBwAEAAAAAQIDAACgBwAEAAAAMDEwMAGgAwABAAAA//8AAAKgBAABAAAAQAAAAAOgBAABAAAAIAAAAAAAAAA=";
    private static final String WEBP_LOSSY =
            "UklGRoYAAABXRUJQVlA4IHoAAABQBgCdASpAACAAPhUIg0EhBv0ABABRLIAZe6gvwD8ANbj4B+AH6Z/2bnDNAuwH6x/0/P+wwRF7IPMdAAD+/K44TPm6y/onuKXTF6P53hWQxHbdNhVZQmSYTE4l/yU/1oFWbrZFZwWLJ0PT/93HMKPMY1KxNvBIwAAAAA==";

    private final ImageDecoder decoder = new ImageDecoder(100_000_000L);

    @Test
    void decodesLosslessWebpExactly() throws Exception {
        RasterImage image = decoder.decode(Base64.getDecoder().decode(WEBP_LOSSLESS));

        assertThat(image.width()).isEqualTo(64);
        assertThat(rgbAt(image, 0, 0)).isEqualTo(RED);
        assertThat(rgbAt(image, 63, 0)).isEqualTo(GREEN);
        assertThat(rgbAt(image, 0, 31)).isEqualTo(BLUE);
        assertThat(rgbAt(image, 63, 31)).isEqualTo(WHITE);
    }

    @Test
    void appliesWebpExifOrientationAndItsSrgbProfile() throws Exception {
        RasterImage image = decoder.decode(Base64.getDecoder().decode(WEBP_LOSSLESS_ROTATED_ICC));

        // rotated 90° clockwise: blue top-left, red top-right, green bottom-right
        assertThat(image.width()).isEqualTo(32);
        assertThat(image.height()).isEqualTo(64);
        assertNear(rgbAt(image, 2, 2), BLUE);
        assertNear(rgbAt(image, 29, 2), RED);
        assertNear(rgbAt(image, 29, 61), GREEN);
    }

    @Test
    void decodesLossyWebp() throws Exception {
        RasterImage image = decoder.decode(Base64.getDecoder().decode(WEBP_LOSSY));

        assertNear(rgbAt(image, 16, 8), RED);
        assertNear(rgbAt(image, 48, 24), WHITE);
    }

    @Test
    void refusesWebpWhoseBitstreamIsLargerThanItsCanvasClaims() {
        // given: a VP8X canvas of 1x1 over a VP8L bitstream announcing 16384x16384
        ByteBuffer b = ByteBuffer.allocate(12 + 18 + 14).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(4 + 18 + 14).put("WEBP".getBytes());
        b.put("VP8X".getBytes()).putInt(10).putInt(0).put(new byte[] {0, 0, 0, 0, 0, 0});
        b.put("VP8L".getBytes()).putInt(5).put((byte) 0x2F).putInt(0x3FFF | 0x3FFF << 14).put((byte) 0); // + pad byte

        // when / then
        assertThatThrownBy(() -> decoder.decode(b.array()))
                .isInstanceOf(ImageTooLargeException.class)
                .hasMessageContaining("268435456");
    }

    @Test
    void decodesGreyTiffAndAppliesItsOrientationTag() throws Exception {
        // given: 3x2 stored, orientation 8 (rotate 270° clockwise)
        byte[] tiff = TestImages.grayTiff(3, 2, new byte[] {10, 20, 30, 40, 50, 60}, Map.of(274, 8L));

        // when
        RasterImage image = decoder.decode(tiff);

        // then
        assertThat(image.channels()).isEqualTo(ColorChannels.GRAY);
        assertThat(image.width()).isEqualTo(2);
        assertThat(image.samples()).containsExactly(30, 60, 20, 50, 10, 40);
    }

    @Test
    void refusesTiffWhoseTilesAreLargerThanThePixelLimit() {
        // given: a 1x1 image declaring 65520x65520 tiles
        byte[] tiff = TestImages.grayTiff(1, 1, new byte[] {1}, Map.of(322, 65_520L, 323, 65_520L));

        // when / then
        assertThatThrownBy(() -> decoder.decode(tiff)).isInstanceOf(ImageTooLargeException.class);
    }

    private static void assertNear(int actual, int expected) {
        for (int shift : new int[] {16, 8, 0}) {
            assertThat(actual >> shift & 0xFF).as("%06X vs %06X", actual, expected)
                    .isCloseTo(expected >> shift & 0xFF, Offset.offset(20));
        }
    }
}
