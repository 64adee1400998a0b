package com.storagecompressai.gateway.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private final TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.168.1.7 ,fd00::/8");

    @Test
    void ignoresForwardedForFromAnUntrustedPeer() {
        assertThat(proxies.clientAddress("203.0.113.9", List.of("1.2.3.4"))).isEqualTo("203.0.113.9");
        assertThat(TrustedProxies.none().clientAddress("10.0.0.1", List.of("1.2.3.4"))).isEqualTo("10.0.0.1");
    }

    @Test
    void takesTheRightmostUntrustedHopFromATrustedPeer() {
        // a client that prepends its own X-Forwarded-For does not choose its address
        assertThat(proxies.clientAddress("10.1.2.3", List.of("6.6.6.6, 203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress("10.1.2.3", List.of("6.6.6.6", "203.0.113.9, 192.168.1.7"))).isEqualTo("203.0.113.9");
        assertThat(proxies.clientAddress("fd00::1", List.of("2001:db8::5"))).isEqualTo("2001:db8:0:0:0:0:0:5");
    }

    @Test
    void fallsBackToTheLastVouchedAddressWhenTheChainHasGarbageOrOnlyProxies() {
        assertThat(proxies.clientAddress("10.1.2.3", List.of("not-an-ip"))).isEqualTo("10.1.2.3");
        assertThat(proxies.clientAddress("10.1.2.3", List.of("evil.example, 10.9.9.9"))).isEqualTo("10.9.9.9");
        assertThat(proxies.clientAddress("10.1.2.3", List.of())).isEqualTo("10.1.2.3");
        assertThat(proxies.clientAddress("10.1.2.3", List.of("10.4.4.4"))).isEqualTo("10.4.4.4");
    }

    @Test
    void matchesCidrPrefixesBitByBit() {
        TrustedProxies narrow = TrustedProxies.parse("172.16.0.0/12");
        assertThat(narrow.trusts("172.31.255.255")).isTrue();
        assertThat(narrow.trusts("172.32.0.0")).isFalse();
        // a dual-stack socket reports IPv4 peers as IPv4-mapped IPv6: the same address, so the same range
        assertThat(narrow.trusts("::ffff:172.16.0.1")).isTrue();
        assertThat(narrow.trusts("2001:db8::1")).isFalse();
        assertThat(narrow.trusts("localhost")).isFalse();
    }

    @Test
    void refusesEntriesThatAreNotAddressesOrCidrs() {
        assertThatThrownBy(() -> TrustedProxies.parse("proxy.internal")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TRUSTED_PROXIES").hasMessageContaining("proxy.internal");
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/x")).isInstanceOf(IllegalArgumentException.class);
    }
}
