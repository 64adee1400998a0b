package com.storagecompressai.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.MemorySegment;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SignificanceMasksTest {

    @Test
    void nonzeroAcReadsFourAtATimeWhatOfBlockReadsOneByOne() {
        // given: blocks at every offset modulo 4, sparse and dense, with the values that test each lane's bits
        short[] edges = {1, -1, 2, 0x0100, 0x4000, 0x7FFF, (short) 0x8000, (short) 0x8001, 1023, -2047};
        var random = new SplittableRandom(3);
        short[] plane = new short[64 * 500 + 3];
        for (int i = 0; i < plane.length; i++) {
            int kind = random.nextInt(8);
            plane[i] = kind < 5 ? 0 : kind == 5 ? edges[random.nextInt(edges.length)] : (short) random.nextInt();
        }
        MemorySegment coefficients = MemorySegment.ofArray(plane);

        for (int offset = 0; offset + 64 <= plane.length; offset += 61) {
            // when
            long fast = SignificanceMasks.nonzeroAc(coefficients, offset);

            // then
            assertThat(fast).as("block at %d", offset).isEqualTo(SignificanceMasks.ofBlock(plane, offset, 1, 63, 0));
        }
    }

    @Test
    void nonzeroAcLeavesOutTheDcAndSeesEachAcPositionAlone() {
        for (int k = 0; k < 64; k++) {
            short[] plane = new short[64];
            plane[k] = (short) (k % 2 == 0 ? -1 : 0x8000);

            long mask = SignificanceMasks.nonzeroAc(MemorySegment.ofArray(plane), 0);

            assertThat(mask).as("position %d", k).isEqualTo(k == 0 ? 0 : 1L << k);
        }
    }
}
