package com.storagecompressai.jpeg;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScanScriptsTest {

    @Test
    void fixedProgressiveScriptsFollowTheT81Rules() {
        for (ChromaSubsampling sub : ChromaSubsampling.values()) {
            ScanScriptRules.check(ScanScripts.fixedProgressive(FrameLayout.of(9, 9, ColorChannels.RGB, sub)), 3);
        }
        ScanScriptRules.check(ScanScripts.fixedProgressive(FrameLayout.of(9, 9, ColorChannels.GRAY, ChromaSubsampling.S420)), 1);
    }

    @Test
    void scanRejectsARefinementThatSkipsABit() {
        assertThatThrownBy(() -> Scan.ac(0, 1, 63, 2, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkerRejectsOverlappingBands() {
        List<Scan> bad = List.of(Scan.dc(new int[] {0}, 0, 0), Scan.ac(0, 1, 10, 0, 0), Scan.ac(0, 5, 63, 0, 0));
        assertThatThrownBy(() -> ScanScriptRules.check(bad, 1)).isInstanceOf(AssertionError.class);
    }

    @Test
    void checkerRejectsAcBeforeDc() {
        List<Scan> bad = List.of(Scan.ac(0, 1, 63, 0, 0), Scan.dc(new int[] {0}, 0, 0));
        assertThatThrownBy(() -> ScanScriptRules.check(bad, 1)).isInstanceOf(AssertionError.class);
    }

    @Test
    void scanRejectsAnInterleavedAcScan() {
        assertThatThrownBy(() -> new Scan(new int[] {1, 2}, 1, 63, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
