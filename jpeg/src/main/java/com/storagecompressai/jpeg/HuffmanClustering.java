package com.storagecompressai.jpeg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lets progressive AC scans share Huffman tables (brief §6 S7). A table defined by a DHT stays in its
 * destination until redefined (T.81 B.2.4.2), so scans whose statistics look alike can use one table built from
 * their summed histograms and save a DHT each. Greedy agglomerative clustering on the exact cost in bits
 * (entropy-coded bits + table bytes), as long as at most four tables are live at any scan (AC destinations
 * 0..3 of a progressive frame).
 */
final class HuffmanClustering {

    private static final int DESTINATIONS = 4;
    /** A table's bytes beyond what {@link OptimalHuffman#codedBits} counts: the DHT marker and length. */
    private static final int DHT_HEADER_BYTES = 4;

    /** Where each clustered scan's table lives and whether that scan defines it. */
    record Assignment(HuffmanTable table, int destination, boolean defines) {
    }

    private HuffmanClustering() {
    }

    /**
     * @param scans      the AC scans to cluster, in output order
     * @param histograms their AC symbol counts (same order)
     * @param positions  each scan's index in the whole script (for table lifetimes)
     */
    static List<Assignment> cluster(List<Scan> scans, List<long[]> histograms, int[] positions) {
        int n = scans.size();
        if (n > 64) {
            throw new IllegalArgumentException("at most 64 scans, got " + n);
        }
        var clusters = new ArrayList<Cluster>();
        for (int i = 0; i < n; i++) {
            clusters.add(new Cluster(List.of(i), histograms.get(i).clone(), positions[i], positions[i]));
        }
        for (Cluster c : clusters) {
            c.cost = cost(c.histogram);
        }
        var mergedCost = new java.util.HashMap<Long, Long>(); // by member mask: each union is priced once
        while (true) {
            long bestGain = 0;
            int bestA = -1;
            int bestB = -1;
            Cluster bestMerged = null;
            for (int a = 0; a < clusters.size(); a++) {
                for (int b = a + 1; b < clusters.size(); b++) {
                    Cluster merged = clusters.get(a).merge(clusters.get(b));
                    if (!fits(clusters, a, b, merged)) {
                        continue;
                    }
                    merged.cost = mergedCost.computeIfAbsent(merged.mask(), k -> cost(merged.histogram));
                    long gain = clusters.get(a).cost + clusters.get(b).cost - merged.cost;
                    if (gain > bestGain) {
                        bestGain = gain;
                        bestA = a;
                        bestB = b;
                        bestMerged = merged;
                    }
                }
            }
            if (bestMerged == null) {
                break;
            }
            clusters.remove(bestB);
            clusters.set(bestA, bestMerged);
        }
        return assign(clusters, n, positions);
    }

    /** Cost in bits of coding a histogram with its own optimal table, table bytes included. */
    static long cost(long[] histogram) {
        return OptimalHuffman.codedBits(histogram) + 8L * DHT_HEADER_BYTES;
    }

    /** Whether the clustering with a and b replaced by merged keeps at most four tables live at every scan. */
    private static boolean fits(List<Cluster> clusters, int a, int b, Cluster merged) {
        int maxPos = merged.last;
        for (Cluster c : clusters) {
            maxPos = Math.max(maxPos, c.last);
        }
        int[] live = new int[maxPos + 2];
        for (int i = 0; i < clusters.size(); i++) {
            if (i == a || i == b) {
                continue;
            }
            Cluster c = clusters.get(i);
            live[c.first]++;
            live[c.last + 1]--;
        }
        live[merged.first]++;
        live[merged.last + 1]--;
        int running = 0;
        for (int p = 0; p <= maxPos; p++) {
            running += live[p];
            if (running > DESTINATIONS) {
                return false;
            }
        }
        return true;
    }

    /** Interval colouring in order of first use: a destination frees up after its table's last scan. */
    private static List<Assignment> assign(List<Cluster> clusters, int n, int[] positions) {
        var ordered = new ArrayList<>(clusters);
        ordered.sort((x, y) -> Integer.compare(x.first, y.first));
        int[] freeAfter = new int[DESTINATIONS];
        Arrays.fill(freeAfter, -1);
        var result = new Assignment[n];
        for (Cluster c : ordered) {
            int destination = -1;
            for (int d = 0; d < DESTINATIONS; d++) {
                if (freeAfter[d] < c.first) {
                    destination = d;
                    break;
                }
            }
            if (destination < 0) {
                throw new IllegalStateException("more than " + DESTINATIONS + " live tables");
            }
            freeAfter[destination] = c.last;
            HuffmanTable table = OptimalHuffman.build(c.histogram);
            int firstMember = c.members.stream().min((x, y) -> Integer.compare(positions[x], positions[y])).orElseThrow();
            for (int member : c.members) {
                result[member] = new Assignment(table, destination, member == firstMember);
            }
        }
        return List.of(result);
    }

    private static final class Cluster {
        final List<Integer> members;
        final long[] histogram;
        final int first;
        final int last;
        long cost;

        Cluster(List<Integer> members, long[] histogram, int first, int last) {
            this.members = members;
            this.histogram = histogram;
            this.first = first;
            this.last = last;
        }

        long mask() {
            long m = 0;
            for (int i : members) {
                m |= 1L << i;
            }
            return m;
        }

        Cluster merge(Cluster other) {
            var m = new ArrayList<Integer>(members);
            m.addAll(other.members);
            long[] h = histogram.clone();
            for (int s = 0; s < 256; s++) {
                h[s] += other.histogram[s];
            }
            return new Cluster(m, h, Math.min(first, other.first), Math.max(last, other.last));
        }
    }
}
