package com.storagecompressai.imaging.resize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResizeGeometryTest {

    @Test
    void widthOnlyKeepsTheAspectRatioAndRounds() {
        // 1000x667 to width 300: 667 * 0.3 = 200.1 -> 200
        assertThat(ResizeGeometry.of(1000, 667, ResizeRequest.width(300)))
                .isEqualTo(new ResizeGeometry(300, 200, 300, 200, 0, 0));
        // 1001x500 to width 100: 49.95 -> 50
        assertThat(ResizeGeometry.of(1001, 500, ResizeRequest.width(100)))
                .isEqualTo(new ResizeGeometry(100, 50, 100, 50, 0, 0));
    }

    @Test
    void heightOnlyKeepsTheAspectRatioAndNeverGoesBelowOnePixel() {
        assertThat(ResizeGeometry.of(4000, 10, new ResizeRequest(null, 5, Fit.FILL, false)))
                .isEqualTo(new ResizeGeometry(2000, 5, 2000, 5, 0, 0));
        assertThat(ResizeGeometry.of(1000, 10, ResizeRequest.width(50)))
                .isEqualTo(new ResizeGeometry(50, 1, 50, 1, 0, 0));
    }

    @Test
    void insideFitsWithinBothBounds() {
        assertThat(ResizeGeometry.of(800, 600, ResizeRequest.box(200, 200, Fit.INSIDE)))
                .isEqualTo(new ResizeGeometry(200, 150, 200, 150, 0, 0));
        assertThat(ResizeGeometry.of(600, 800, ResizeRequest.box(200, 200, Fit.INSIDE)))
                .isEqualTo(new ResizeGeometry(150, 200, 150, 200, 0, 0));
    }

    @Test
    void coverFillsBothBoundsThenCropsTheCentre() {
        assertThat(ResizeGeometry.of(800, 600, ResizeRequest.box(200, 200, Fit.COVER)))
                .isEqualTo(new ResizeGeometry(267, 200, 200, 200, -33, 0));
    }

    @Test
    void containFitsInsideThenPadsToTheBox() {
        assertThat(ResizeGeometry.of(800, 600, ResizeRequest.box(200, 200, Fit.CONTAIN)))
                .isEqualTo(new ResizeGeometry(200, 150, 200, 200, 0, 25));
    }

    @Test
    void fillStretchesToTheBox() {
        assertThat(ResizeGeometry.of(800, 600, ResizeRequest.box(100, 300, Fit.FILL)))
                .isEqualTo(new ResizeGeometry(100, 300, 100, 300, 0, 0));
    }

    @Test
    void neverEnlargesUnlessAsked() {
        assertThat(ResizeGeometry.of(100, 50, ResizeRequest.width(400)))
                .isEqualTo(new ResizeGeometry(100, 50, 100, 50, 0, 0));
        assertThat(ResizeGeometry.of(100, 50, ResizeRequest.box(400, 400, Fit.INSIDE)))
                .isEqualTo(new ResizeGeometry(100, 50, 100, 50, 0, 0));
        assertThat(ResizeGeometry.of(100, 50, ResizeRequest.box(400, 400, Fit.COVER)))
                .isEqualTo(new ResizeGeometry(100, 50, 100, 50, 0, 0));
        assertThat(ResizeGeometry.of(100, 50, ResizeRequest.box(80, 400, Fit.FILL)))
                .isEqualTo(new ResizeGeometry(80, 50, 80, 50, 0, 0));
        assertThat(ResizeGeometry.of(100, 50, ResizeRequest.box(400, 400, Fit.CONTAIN)))
                .isEqualTo(new ResizeGeometry(100, 50, 400, 400, 150, 175));
    }

    @Test
    void enlargesWhenAsked() {
        assertThat(ResizeGeometry.of(100, 50, ResizeRequest.width(400).enlarging()))
                .isEqualTo(new ResizeGeometry(400, 200, 400, 200, 0, 0));
        assertThat(ResizeGeometry.of(100, 50, ResizeRequest.box(400, 400, Fit.COVER).enlarging()))
                .isEqualTo(new ResizeGeometry(800, 400, 400, 400, -200, 0));
    }
}
