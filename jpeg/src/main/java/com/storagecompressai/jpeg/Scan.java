package com.storagecompressai.jpeg;

import java.util.Arrays;

/**
 * One scan of a frame: component indices, spectral selection {@code ss..se} and successive approximation
 * bit positions {@code ah, al} (T.81 G.1.1). A sequential frame has one scan over 0..63.
 */
record Scan(int[] components, int ss, int se, int ah, int al) {

    Scan {
        if (ss < 0 || se > 63 || ss > se || al < 0 || al > 13 || ah < 0 || ah > 13) {
            throw new IllegalArgumentException("bad scan " + Arrays.toString(components) + " " + ss + "-" + se
                    + " ah=" + ah + " al=" + al);
        }
        if (ah != 0 && al != ah - 1) {
            throw new IllegalArgumentException("a refinement scan lowers the bit position by one (T.81 G.1.1.1.2)");
        }
        if (ss > 0 && components.length != 1) {
            throw new IllegalArgumentException("an AC scan carries exactly one component (T.81 G.1.1.1.1)");
        }
    }

    static Scan dc(int[] components, int ah, int al) {
        return new Scan(components, 0, 0, ah, al);
    }

    static Scan ac(int component, int ss, int se, int ah, int al) {
        return new Scan(new int[] {component}, ss, se, ah, al);
    }

    boolean isDc() {
        return ss == 0;
    }

    boolean isRefinement() {
        return ah != 0;
    }

    @Override
    public String toString() {
        return "Scan" + Arrays.toString(components) + " " + ss + "-" + se + " " + ah + "/" + al;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scan s && Arrays.equals(components, s.components) && ss == s.ss && se == s.se
                && ah == s.ah && al == s.al;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(components) * 31 + ((ss * 64 + se) * 16 + ah) * 16 + al;
    }
}
