package com.storagecompressai.gateway.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.storagecompressai.engine.api.CompressOptions;
import com.storagecompressai.engine.api.CompressOptions.Fit;
import org.junit.jupiter.api.Test;

class ContentNamesTest {

    private static final byte[] IMAGE = {1, 2, 3, 4, 5};

    @Test
    void theSameImageAndOptionsGiveTheSameJpgName() {
        String name = ContentNames.of(IMAGE, new CompressOptions(70));
        assertThat(name).isEqualTo(ContentNames.of(IMAGE.clone(), new CompressOptions(70))).matches("[A-Za-z0-9_-]{43}\\.jpg");
    }

    @Test
    void anyEffectiveDifferenceChangesTheName() {
        String plain = ContentNames.of(IMAGE, new CompressOptions(70));
        assertThat(ContentNames.of(IMAGE, new CompressOptions(71))).isNotEqualTo(plain);
        assertThat(ContentNames.of(new byte[] {1, 2, 3, 4, 6}, new CompressOptions(70))).isNotEqualTo(plain);
        assertThat(ContentNames.of(IMAGE, new CompressOptions(70).withSize(10, null, Fit.INSIDE, false))).isNotEqualTo(plain);
    }

    @Test
    void theQualityDropsOutWhenATargetChoosesIt() {
        CompressOptions target = new CompressOptions(70).withTarget(0.95, null);
        assertThat(ContentNames.of(IMAGE, target)).isEqualTo(ContentNames.of(IMAGE, target.withQuality(20)));
    }
}
