package com.storagecompressai.jpeg;

import java.util.Arrays;
import java.util.List;

/**
 * Test-side checker of the progressive rules of T.81 G.1.1.1 (as libjpeg's {@code validate_script}): DC before
 * AC, one component per AC scan, each refinement one bit below the previous, no overlapping bands at one bit
 * level, and every coefficient of every component coded down to bit 0.
 */
final class ScanScriptRules {

    private ScanScriptRules() {
    }

    static void check(List<Scan> script, int components) {
        int[][] bitPos = new int[components][64];
        for (int[] c : bitPos) {
            Arrays.fill(c, -1);
        }
        for (Scan s : script) {
            if (s.ss() == 0 && s.se() != 0) {
                throw new AssertionError(s + ": a DC scan codes only coefficient 0");
            }
            if (s.ss() > 0 && s.components().length != 1) {
                throw new AssertionError(s + ": an AC scan carries one component");
            }
            if (s.ah() != 0 && s.al() != s.ah() - 1) {
                throw new AssertionError(s + ": refinement must lower the bit position by one");
            }
            for (int c : s.components()) {
                if (s.ss() > 0 && bitPos[c][0] < 0) {
                    throw new AssertionError(s + ": AC before the component's DC");
                }
                for (int k = s.ss(); k <= s.se(); k++) {
                    int last = bitPos[c][k];
                    if (s.ah() == 0 ? last >= 0 : last != s.ah()) {
                        throw new AssertionError(s + ": coefficient " + k + " of component " + c
                                + " was at bit position " + last);
                    }
                    bitPos[c][k] = s.al();
                }
            }
        }
        for (int c = 0; c < components; c++) {
            for (int k = 0; k < 64; k++) {
                if (bitPos[c][k] != 0) {
                    throw new AssertionError("coefficient " + k + " of component " + c + " ends at " + bitPos[c][k]);
                }
            }
        }
    }
}
