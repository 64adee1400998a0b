package com.storagecompressai.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BitWriterTest {

    @Test
    void stuffsZeroAfterEveryFfByte() {
        var sink = new ByteSink(16);
        var writer = new BitWriter(sink);
        writer.write(0xFF, 8);
        writer.write(0x12, 8);
        writer.write(0xFFFF, 16);
        writer.flush();
        assertThat(sink.toByteArray()).containsExactly((byte) 0xFF, (byte) 0x00, (byte) 0x12, (byte) 0xFF, (byte) 0x00, (byte) 0xFF, (byte) 0x00);
    }

    @Test
    void padsWithOnesAndStuffsAnFfMadeByThePadding() {
        var sink = new ByteSink(16);
        var writer = new BitWriter(sink);
        writer.write(0b111, 3); // with five 1-bits of padding this becomes 0xFF
        writer.flush();
        assertThat(sink.toByteArray()).containsExactly((byte) 0xFF, (byte) 0x00);
    }

    @Test
    void restartMarkerIsByteAlignedAndNotStuffed() {
        var sink = new ByteSink(16);
        var writer = new BitWriter(sink);
        writer.write(0, 2);
        writer.restart(9);
        writer.write(0b1010, 4);
        writer.flush();
        assertThat(sink.toByteArray()).containsExactly((byte) 0x3F, (byte) 0xFF, (byte) 0xD1, (byte) 0xAF);
    }

    @Test
    void longBitStreamsComeOutInOrder() {
        var sink = new ByteSink(16);
        var writer = new BitWriter(sink);
        for (int i = 0; i < 1000; i++) {
            writer.write(i & 0x7F, 7);
        }
        writer.flush();
        byte[] out = sink.toByteArray();
        long bitPos = 0;
        for (int i = 0; i < 1000; i++) {
            int v = 0;
            for (int b = 0; b < 7; b++, bitPos++) {
                v = (v << 1) | ((out[(int) (bitPos / 8)] >> (7 - bitPos % 8)) & 1);
            }
            assertThat(v).isEqualTo(i & 0x7F);
        }
    }
}
