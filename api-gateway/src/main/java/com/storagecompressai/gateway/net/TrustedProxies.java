package com.storagecompressai.gateway.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The proxies whose {@code X-Forwarded-For} is believed ({@code TRUSTED_PROXIES}: comma-separated IPs or CIDRs,
 * none by default). The client address is the rightmost hop that is not a trusted proxy, so a client cannot
 * pick its own address by sending the header itself. Immutable, thread-safe.
 */
public final class TrustedProxies {

    private final List<Cidr> ranges;

    private TrustedProxies(List<Cidr> ranges) {
        this.ranges = List.copyOf(ranges);
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of());
    }

    /** @throws IllegalArgumentException naming the entry that is not an IP address or CIDR */
    public static TrustedProxies parse(String list) {
        List<Cidr> ranges = new ArrayList<>();
        for (String entry : list.split(",")) {
            if (!entry.isBlank()) {
                ranges.add(Cidr.parse(entry.strip()));
            }
        }
        return new TrustedProxies(ranges);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    public int size() {
        return ranges.size();
    }

    public boolean trusts(String address) {
        Optional<InetAddress> parsed = literal(address);
        return parsed.isPresent() && ranges.stream().anyMatch(range -> range.contains(parsed.get()));
    }

    /**
     * @param peer the address of the TCP peer
     * @param forwardedFor every {@code X-Forwarded-For} value in order (may be empty)
     * @return the peer itself unless it is trusted; otherwise the rightmost untrusted hop of the header
     *         (or the leftmost hop when every hop is trusted)
     */
    public String clientAddress(String peer, List<String> forwardedFor) {
        if (ranges.isEmpty() || !trusts(peer)) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String value : forwardedFor) {
            for (String hop : value.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        String client = peer;
        for (String hop : hops.reversed()) {
            Optional<InetAddress> address = literal(hop);
            if (address.isEmpty()) {
                // Garbage in the chain: stop at the last address a trusted proxy vouched for.
                return client;
            }
            client = address.get().getHostAddress();
            if (!trusts(client)) {
                return client;
            }
        }
        return client;
    }

    /** Parses only IP literals, never a host name, so nothing here ever does a DNS lookup. */
    static Optional<InetAddress> literal(String text) {
        String candidate = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (candidate.isEmpty() || candidate.length() > 45 || !candidate.chars().allMatch(TrustedProxies::isAddressChar)) {
            return Optional.empty();
        }
        boolean ipv6 = candidate.indexOf(':') >= 0;
        if (!ipv6 && !candidate.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.ofLiteral(candidate));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean isAddressChar(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '.' || c == ':';
    }

    private record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.split("/", 2);
            InetAddress address = literal(parts[0]).orElseThrow(
                    () -> new IllegalArgumentException("TRUSTED_PROXIES: \"" + text + "\" is not an IP address or CIDR"));
            int bits = address.getAddress().length * 8;
            int prefix = bits;
            if (parts.length == 2) {
                try {
                    prefix = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    prefix = -1;
                }
                if (prefix < 0 || prefix > bits) {
                    throw new IllegalArgumentException("TRUSTED_PROXIES: \"" + text + "\" has a bad prefix length");
                }
            }
            return new Cidr(address.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (bytes[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (bytes[full] & mask) == (network[full] & mask);
        }
    }

    @Override
    public String toString() {
        return ranges.size() + " trusted proxies";
    }
}
