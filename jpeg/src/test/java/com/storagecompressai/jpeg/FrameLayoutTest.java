package com.storagecompressai.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameLayoutTest {

    @Test
    void oddSized420FrameFollowsT81ComponentSizesAndMcuPadding() {
        // when
        FrameLayout layout = FrameLayout.of(17, 9, ColorChannels.RGB, ChromaSubsampling.S420);
        // then: MCUs of 16x16, x_i = ceil(X * H_i / H_max)
        assertThat(layout.mcusWide()).isEqualTo(2);
        assertThat(layout.mcusHigh()).isEqualTo(1);
        ComponentLayout y = layout.component(0);
        assertThat(y.width()).isEqualTo(17);
        assertThat(y.blocksWide()).isEqualTo(3);
        assertThat(y.paddedBlocksWide()).isEqualTo(4);
        assertThat(y.blocksHigh()).isEqualTo(2);
        assertThat(y.paddedBlocksHigh()).isEqualTo(2);
        ComponentLayout cb = layout.component(1);
        assertThat(cb.width()).isEqualTo(9);
        assertThat(cb.height()).isEqualTo(5);
        assertThat(cb.blocksWide()).isEqualTo(2);
        assertThat(cb.paddedBlocksWide()).isEqualTo(2);
        assertThat(cb.quantTable()).isEqualTo(1);
    }

    @Test
    void grayFrameHasOneComponentWithIdOne() {
        FrameLayout layout = FrameLayout.of(1, 1, ColorChannels.GRAY, ChromaSubsampling.S420);
        assertThat(layout.componentCount()).isEqualTo(1);
        assertThat(layout.component(0).id()).isEqualTo(1);
        assertThat(layout.component(0).h()).isEqualTo(1);
    }

    @Test
    void s422HalvesOnlyTheChromaWidth() {
        FrameLayout layout = FrameLayout.of(33, 20, ColorChannels.RGB, ChromaSubsampling.S422);
        assertThat(layout.component(0).h()).isEqualTo(2);
        assertThat(layout.component(0).v()).isEqualTo(1);
        assertThat(layout.component(1).width()).isEqualTo(17);
        assertThat(layout.component(1).height()).isEqualTo(20);
    }
}
