package com.storagecompressai.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    private final ApiKeys keys = new ApiKeys(List.of("alpha-key", "beta-key"));

    @Test
    void acceptsEveryConfiguredKeyWithItsOwnClientId() {
        var alpha = keys.authenticate("alpha-key");
        var beta = keys.authenticate("beta-key");
        assertThat(alpha).isPresent();
        assertThat(beta).isPresent();
        assertThat(alpha).isNotEqualTo(beta);
    }

    @Test
    void rejectsMissingEmptyWrongAndPrefixKeys() {
        assertThat(keys.authenticate(null)).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
        assertThat(keys.authenticate("gamma-key")).isEmpty();
        assertThat(keys.authenticate("alpha")).isEmpty();
        assertThat(keys.authenticate("alpha-key ")).isEmpty();
    }

    @Test
    void clientIdNeverContainsTheKey() {
        assertThat(keys.authenticate("alpha-key")).hasValueSatisfying(id ->
                assertThat(id.value()).startsWith("key:").doesNotContain("alpha"));
    }
}
