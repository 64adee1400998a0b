/**
 * A pure-Java JPEG encoder (JDK only) that writes standard JFIF files, baseline (SOF0) or progressive (SOF2),
 * with 8-bit quantization tables, in 4:2:0, 4:2:2, 4:4:4 or grey.
 *
 * <p>Public API: {@link com.storagecompressai.jpeg.JpegEncoder} encodes a
 * {@link com.storagecompressai.jpeg.RasterImage} with {@link com.storagecompressai.jpeg.EncoderOptions}.
 *
 * <p>How an encode runs (one class per stage, table or marker, as in TwelveMonkeys' imageio-jpeg):
 * <ol>
 *   <li>{@code QuantizationPasses}: in stripes of four MCU rows on the encoder's pool,
 *       {@code BlockTransform} converts colour ({@code ColorConverter}, JFIF BT.601), replicates edges,
 *       downsamples ({@code Downsampler}), runs the float AAN DCT ({@code ForwardDct}) and quantizes
 *       ({@code RoundingQuantizer}, or the trellis quantizers of {@code jpeg.quant} through
 *       {@code PlanQuantizer}, twice: first priced with Annex K tables, then with the optimal ones). The
 *       result is {@code CoefficientPlanes}: one {@code short[]} plane per component, zig-zag order.</li>
 *   <li>{@code EntropyStage}: chooses the scan script (sequential; the fixed jpgcrush script; or
 *       {@code ScanSearch}, priced exactly from symbol histograms by {@code BandStatistics}), the Huffman
 *       tables ({@code OptimalHuffman}, T.81 K.2; shared between scans by {@code HuffmanClustering}), and codes
 *       the scans in parallel ({@code ScanEncoder}, {@code ScanTraversal}, the {@code BlockCoder}s,
 *       {@code BitWriter}); a single sequential scan is itself counted and coded in parallel stripes
 *       ({@code SequentialStatistics}, {@code SequentialScanWriter}).</li>
 *   <li>{@code JfifWriter}: SOI, APP0, APP2 (ICC), DQT, SOF, DRI, scans, EOI ({@code Segment} records).</li>
 * </ol>
 * Stripe boundaries and every statistic are independent of the thread count, so the output bytes are too.
 */
package com.storagecompressai.jpeg;
