package com.storagecompressai.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlainPngTest {

    /**
     * Writes a PNG with the given filter on every row (5 = a different one per row; above 5 an unknown type),
     * its IDAT split in pieces.
     */
    private static byte[] png(int width, int height, int colourType, int filter, int bitDepth, int interlace,
                              boolean transparencyKey, long seed) throws IOException {
        int channels = switch (colourType) {
            case 0 -> 1;
            case 2 -> 3;
            case 4 -> 2;
            default -> 4;
        };
        int stride = width * channels;
        var random = new SplittableRandom(seed);
        byte[] raw = new byte[stride * height];
        for (int i = 0; i < raw.length; i++) {
            // smooth with noise, so that every filter has something to predict
            raw[i] = (byte) ((i % stride) * 3 + (i / stride) * 5 + random.nextInt(12));
        }
        var filtered = new ByteArrayOutputStream();
        for (int y = 0; y < height; y++) {
            int type = filter == 5 ? y % 5 : filter;
            filtered.write(type);
            for (int i = 0; i < stride; i++) {
                int x = raw[y * stride + i] & 0xFF;
                int a = i >= channels ? raw[y * stride + i - channels] & 0xFF : 0;
                int b = y > 0 ? raw[(y - 1) * stride + i] & 0xFF : 0;
                int c = i >= channels && y > 0 ? raw[(y - 1) * stride + i - channels] & 0xFF : 0;
                int predicted = switch (type) {
                    case 0 -> 0;
                    case 1 -> a;
                    case 2 -> b;
                    case 3 -> (a + b) / 2;
                    default -> paeth(a, b, c);
                };
                filtered.write((x - predicted) & 0xFF);
            }
        }
        var deflater = new Deflater();
        deflater.setInput(filtered.toByteArray());
        deflater.finish();
        byte[] buffer = new byte[filtered.size() * 2 + 64];
        int compressed = deflater.deflate(buffer);
        deflater.end();

        var out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        byte[] ihdr = {0, 0, 0, 0, 0, 0, 0, 0, (byte) bitDepth, (byte) colourType, 0, 0, (byte) interlace};
        putInt(ihdr, 0, width);
        putInt(ihdr, 4, height);
        chunk(out, "IHDR", ihdr);
        if (transparencyKey) {
            chunk(out, "tRNS", colourType == 0 ? new byte[2] : new byte[6]);
        }
        int third = Math.max(1, compressed / 3);
        for (int from = 0; from < compressed; from += third) {
            chunk(out, "IDAT", Arrays.copyOfRange(buffer, from, Math.min(compressed, from + third)));
        }
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        out.write(length);
        byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(typeBytes);
        out.write(data);
        var crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        byte[] sum = new byte[4];
        putInt(sum, 0, (int) crc.getValue());
        out.write(sum);
    }

    private static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    private static int[] samples(BufferedImage image) {
        Raster r = image.getRaster();
        return r.getPixels(0, 0, r.getWidth(), r.getHeight(), (int[]) null);
    }

    @ParameterizedTest(name = "colour type {0}, filter {1}")
    @CsvSource({"0,0", "0,4", "2,0", "2,1", "2,2", "2,3", "2,4", "2,5", "4,5", "6,1", "6,3", "6,4", "6,5"})
    void decodesTheSamplesAndColourModelImageIoDoes(int colourType, int filter) throws IOException {
        // given: an odd width, so no row is a multiple of a word
        byte[] file = png(13, 7, colourType, filter, 8, 0, false, colourType * 10L + filter);

        // when
        BufferedImage plain = PlainPng.decode(file, PlainPng.header(file).orElseThrow()).orElseThrow();
        BufferedImage reference = ImageIO.read(new ByteArrayInputStream(file));

        // then
        assertThat(samples(plain)).isEqualTo(samples(reference));
        assertThat(plain.getColorModel().hasAlpha()).isEqualTo(reference.getColorModel().hasAlpha());
        assertThat(plain.getColorModel().getColorSpace().getType())
                .isEqualTo(reference.getColorModel().getColorSpace().getType());
    }

    @ParameterizedTest(name = "colour type {0}")
    @CsvSource({"2", "6"})
    void decodesRowsThatSpanSeveralInflateBatches(int colourType) throws IOException {
        // given: rows so wide that a batch holds only a few, and a height no batch size divides
        byte[] file = png(4001, 23, colourType, 5, 8, 0, false, 77);

        // when
        BufferedImage plain = PlainPng.decode(file, PlainPng.header(file).orElseThrow()).orElseThrow();

        // then
        assertThat(samples(plain)).isEqualTo(samples(ImageIO.read(new ByteArrayInputStream(file))));
    }

    @Test
    void paethPredictorPicksWhatTheSpecPicksForEveryTripleOfBytes() {
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                for (int c = 0; c < 256; c++) {
                    if (PlainPng.paeth(a, b, c) != paeth(a, b, c)) {
                        throw new AssertionError("a=" + a + " b=" + b + " c=" + c + ": " + PlainPng.paeth(a, b, c)
                                + " instead of " + paeth(a, b, c));
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "bit depth {0}, colour type {1}, interlace {2}, tRNS {3}")
    @CsvSource({"16,2,0,false", "8,3,0,false", "8,2,1,false", "8,2,0,true", "8,0,0,true"})
    void leavesOtherPngsToImageIo(int bitDepth, int colourType, int interlace, boolean transparencyKey)
            throws IOException {
        // given: a header this decoder does not take (the pixel data does not matter)
        byte[] file = png(9, 4, colourType == 3 ? 2 : colourType, 0, 8, 0, transparencyKey, 1);
        file[24] = (byte) bitDepth;
        file[25] = (byte) colourType;
        file[28] = (byte) interlace;

        // when
        var decoded = PlainPng.header(file).flatMap(header -> PlainPng.decode(file, header));

        // then
        assertThat(decoded).isEmpty();
    }

    @Test
    void leavesTruncatedAndCorruptDataToImageIo() throws IOException {
        // given
        byte[] file = png(64, 48, 2, 5, 8, 0, false, 3);
        byte[] truncated = Arrays.copyOf(file, file.length / 2);
        byte[] unknownFilter = png(8, 2, 2, 7, 8, 0, false, 4);

        // when / then
        PlainPng.Header header = PlainPng.header(truncated).orElseThrow();
        assertThat(PlainPng.decode(truncated, header)).isEmpty();
        assertThat(PlainPng.decode(unknownFilter, PlainPng.header(unknownFilter).orElseThrow())).isEmpty();
    }

    @Test
    void decoderGivesThePlainPathTheSameSrgbPixelsAsImageIo() throws Exception {
        // given
        byte[] file = png(31, 17, 6, 5, 8, 0, false, 9);

        // when
        var viaDecoder = new ImageDecoder(1_000_000).decode(file);
        var viaImageIo = SrgbPixels.from(ImageIO.read(new ByteArrayInputStream(file)), null);

        // then
        assertThat(viaDecoder.samples()).isEqualTo(viaImageIo.samples());
        assertThat(viaDecoder.channels()).isEqualTo(viaImageIo.channels());
    }
}
