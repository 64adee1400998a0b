package com.storagecompressai.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageFormatTest {

    @Test
    void sniffsEachFormatFromItsMagicBytes() {
        assertThat(ImageFormat.sniff(bytes(0xFF, 0xD8, 0xFF, 0xE0))).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.sniff(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A))).contains(ImageFormat.PNG);
        assertThat(ImageFormat.sniff(ascii("GIF89a...."))).contains(ImageFormat.GIF);
        assertThat(ImageFormat.sniff(ascii("GIF87a...."))).contains(ImageFormat.GIF);
        assertThat(ImageFormat.sniff(ascii("BM" + "\0".repeat(12) + "(" + "\0".repeat(20)))).contains(ImageFormat.BMP);
        assertThat(ImageFormat.sniff(bytes('I', 'I', 42, 0, 8, 0, 0, 0))).contains(ImageFormat.TIFF);
        assertThat(ImageFormat.sniff(bytes('M', 'M', 0, 42, 0, 0, 0, 8))).contains(ImageFormat.TIFF);
        assertThat(ImageFormat.sniff(ascii("RIFF\0\0\0\0WEBPVP8 "))).contains(ImageFormat.WEBP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "<!DOCTYPE html><html>", "PK\u0003\u0004zip",
            "BMW is a car", "BMP header-like text that goes on for a while", "RIFF\0\0\0\0WAVEfmt ", "hello world"})
    void sniffsNothingInOtherContent(String content) {
        assertThat(ImageFormat.sniff(ascii(content))).isEmpty();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
