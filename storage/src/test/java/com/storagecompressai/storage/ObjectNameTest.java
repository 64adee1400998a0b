package com.storagecompressai.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"a.jpg", "3f9a0c_b-1.jpg", "x.y.z.jpg"})
    void plainNamesAreSafe(String name) {
        assertThat(ObjectName.isSafe(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "..", ".", "../x.jpg", "a/b.jpg", "a\\b.jpg", "%2e%2e", ".hidden", "a..b.jpg",
            "sp ace.jpg", "é.jpg", "x.jpg\n"})
    void namesThatCouldEscapeOrHideAreUnsafe(String name) {
        assertThat(ObjectName.isSafe(name)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201})
    void lengthIsBounded(int length) {
        assertThat(ObjectName.isSafe("a".repeat(length))).isEqualTo(length <= 200);
    }
}
