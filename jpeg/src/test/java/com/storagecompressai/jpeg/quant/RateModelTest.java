package com.storagecompressai.jpeg.quant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateModelTest {

    @Test
    void annexKGivesTheExampleCodeLengths() {
        RateModel luma = RateModel.annexK(0);
        RateModel chroma = RateModel.annexK(1);

        assertThat(luma.acCost(0x00)).isEqualTo(4); // EOB 1010
        assertThat(luma.acCost(0xF0)).isEqualTo(11); // ZRL
        assertThat(luma.acCost(0x01)).isEqualTo(2);
        assertThat(luma.dcCost(0)).isEqualTo(2);
        assertThat(chroma.acCost(0x00)).isEqualTo(2);
        assertThat(chroma.dcCost(11)).isEqualTo(11);
    }

    @Test
    void annexKCodesFormAPrefixCode() {
        for (int component : new int[] {0, 1}) {
            RateModel model = RateModel.annexK(component);
            double kraft = 0;
            for (int l : model.acLengths()) {
                kraft += l == 0 ? 0 : Math.pow(2, -l);
            }
            assertThat(kraft).isLessThan(1.0);
            assertThat(java.util.Arrays.stream(model.acLengths()).filter(l -> l > 0).count()).isEqualTo(162);
        }
    }

    @Test
    void absentSymbolsCostMoreThanAnyCode() {
        int[] dc = new int[16];
        int[] ac = new int[256];
        dc[0] = 1;
        ac[0] = 1;

        RateModel model = new RateModel(dc, ac);

        assertThat(model.acCost(0x11)).isEqualTo(RateModel.ABSENT_COST).isGreaterThan(16);
        assertThat(model.dcCost(3)).isEqualTo(RateModel.ABSENT_COST);
        assertThat(model.acCost(0)).isEqualTo(1);
    }
}
