package com.storagecompressai.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HuffmanClusteringTest {

    @Test
    void sharedTablesNeverCostMoreAndRespectTheFourDestinations() {
        var rnd = new SplittableRandom(8);
        for (int trial = 0; trial < 10; trial++) {
            // given: 14 small scans in two families of statistics
            int n = 14;
            var scans = new ArrayList<Scan>();
            var histograms = new ArrayList<long[]>();
            int[] positions = new int[n];
            for (int i = 0; i < n; i++) {
                scans.add(Scan.ac(i % 3, 1 + i, 1 + i, 0, 0));
                long[] h = new long[256];
                int family = rnd.nextInt(2);
                for (int s = 0; s < 40; s++) {
                    h[family == 0 ? s : 0xF0 - s] = rnd.nextInt(1 + 60 / (s + 1));
                }
                h[0] += 1;
                histograms.add(h);
                positions[i] = i + 1;
            }
            long separate = histograms.stream().mapToLong(HuffmanClustering::cost).sum();
            // when
            List<HuffmanClustering.Assignment> plan = HuffmanClustering.cluster(scans, histograms, positions);
            // then: every scan's symbols have codes in its table, each table is defined at its first use,
            // and a destination is only reused after redefinition
            long shared = 0;
            var defined = new HuffmanTable[4];
            var tables = new HashSet<HuffmanTable>();
            for (int i = 0; i < n; i++) {
                var a = plan.get(i);
                if (a.defines()) {
                    defined[a.destination()] = a.table();
                    shared += 8L * (4 + 17 + a.table().values().length);
                }
                assertThat(defined[a.destination()]).isSameAs(a.table());
                int[] lengths = a.table().codeLengths();
                for (int s = 0; s < 256; s++) {
                    if (histograms.get(i)[s] > 0) {
                        assertThat(lengths[s]).isPositive();
                    }
                    shared += histograms.get(i)[s] * lengths[s];
                }
                tables.add(a.table());
            }
            assertThat(shared).isLessThanOrEqualTo(separate);
            assertThat(tables.size()).isLessThan(n);
        }
    }
}
