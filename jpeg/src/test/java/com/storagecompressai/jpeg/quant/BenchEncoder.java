package com.storagecompressai.jpeg.quant;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small baseline (sequential, 4:2:0, optimised Huffman) JPEG encoder around this package, for measuring
 * quantization choices against mozjpeg before the real pipeline lands. Not product code.
 *
 * <p>Usage: {@code BenchEncoder <quality> <in.ppm> <out.jpg>}; system properties override plan knobs
 * (see {@link #plan}).
 */
public final class BenchEncoder {

    static final boolean S444 = Boolean.getBoolean("s444");
    private static final double[][] COS = new double[8][8];

    static {
        for (int u = 0; u < 8; u++) {
            double c = u == 0 ? Math.sqrt(0.125) : 0.5;
            for (int x = 0; x < 8; x++) {
                COS[u][x] = c * Math.cos((2 * x + 1) * u * Math.PI / 16);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        if (args[0].equals("batch")) {
            // batch <outdir> <q,q,...> <ppm...>: one JVM for a whole run
            Path dir = Path.of(args[1]);
            Files.createDirectories(dir);
            String[] qs = args[2].split(",");
            java.util.List<String> files = java.util.Arrays.asList(args).subList(3, args.length);
            files.parallelStream().forEach(f -> {
                try {
                    Ppm img = Ppm.read(Path.of(f));
                    String name = Path.of(f).getFileName().toString().replace(".ppm", "");
                    for (String q : qs) {
                        int quality = Integer.parseInt(q);
                        Files.write(dir.resolve(name + "_q" + quality + ".jpg"), encode(img, plan(quality)));
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            return;
        }
        if (args[0].equals("aqmap")) {
            Ppm img = Ppm.read(Path.of(args[1]));
            float[] y = new float[img.width() * img.height()];
            for (int i = 0; i < y.length; i++) {
                y[i] = 0.299f * (img.rgb()[3 * i] & 255) + 0.587f * (img.rgb()[3 * i + 1] & 255)
                        + 0.114f * (img.rgb()[3 * i + 2] & 255);
            }
            AqField f = AqField.compute(y, img.width(), img.height(), img.width());
            float[] s = f.strength().clone();
            java.util.Arrays.sort(s);
            System.out.printf("min %.3f p10 %.3f p50 %.3f p90 %.3f max %.3f%n", s[0], s[s.length / 10], s[s.length / 2],
                    s[s.length * 9 / 10], s[s.length - 1]);
            ByteArrayOutputStream pgm = new ByteArrayOutputStream();
            pgm.writeBytes(("P5 " + f.blocksWide() + " " + f.blocksHigh() + " 255\n").getBytes());
            for (float v : f.strength()) {
                pgm.write((int) Math.min(255, v * 255 / 1.5f));
            }
            Files.write(Path.of(args[2]), pgm.toByteArray());
            return;
        }
        int quality = Integer.parseInt(args[0]);
        Ppm img = Ppm.read(Path.of(args[1]));
        byte[] jpeg = encode(img, plan(quality));
        Files.write(Path.of(args[2]), jpeg);
    }

    static QuantPlan plan(int quality) {
        QuantPlan p = QuantPlan.forQuality(Math.clamp(quality, 1, 100), !Boolean.getBoolean("plain"));
        boolean custom = System.getProperty("luma") != null || System.getProperty("chroma") != null
                || Boolean.getBoolean("distMode") || System.getProperty("dscale") != null
                || System.getProperty("chromaScale") != null;
        double d = Boolean.getBoolean("distMode") ? quality / 100.0
                : JpegliTables.distanceForQuality(quality) * Double.parseDouble(System.getProperty("dscale", "1"));
        int[] luma = System.getProperty("luma", "robidoux").equals("jpegli")
                ? JpegliTables.table(JpegliTables.LUMA, d, true, false, 1.0,
                        Double.parseDouble(System.getProperty("bend", "1"))) : QuantTables.mozjpeg(Math.clamp(quality, 1, 100)).luma();
        int[] chroma = System.getProperty("chroma", "robidoux").equals("jpegli")
                ? (S444 ? JpegliTables.table(JpegliTables.CHROMA, d, false, true, 1.22)
                        : JpegliTables.table(JpegliTables.CHROMA, d, true, true)) : QuantTables.mozjpeg(Math.clamp(quality, 1, 100)).chroma();
        double cs = Double.parseDouble(System.getProperty("chromaScale", "1"));
        for (int k = 0; k < 64; k++) {
            chroma[k] = (int) Math.clamp(Math.round(chroma[k] * cs), 1, 255);
        }
        QuantTables tables = custom ? new QuantTables(luma, chroma) : p.tables();
        double tilt = Double.parseDouble(System.getProperty("tilt", "0"));
        double ctilt = Double.parseDouble(System.getProperty("ctilt", "0"));
        if (tilt != 0 || ctilt != 0) {
            int[] l = tables.luma();
            int[] c = tables.chroma();
            for (int k = 0; k < 64; k++) {
                double u = (1 + k / 8 + k % 8) / 8.0;
                l[k] = (int) Math.clamp(Math.round(l[k] * Math.pow(u, tilt)), 1, 255);
                c[k] = (int) Math.clamp(Math.round(c[k] * Math.pow(u, ctilt)), 1, 255);
            }
            tables = new QuantTables(l, c);
        }
        return new QuantPlan(p.quality(), tables, p.trellis(),
                Double.parseDouble(System.getProperty("s1", "" + p.lambdaLog1())),
                Double.parseDouble(System.getProperty("s2", "" + p.lambdaLog2())),
                Boolean.parseBoolean(System.getProperty("dering", "" + p.deringing())),
                Boolean.parseBoolean(System.getProperty("aq", "" + p.adaptive())),
                Double.parseDouble(System.getProperty("aqLambda", "" + p.aqLambda())),
                Double.parseDouble(System.getProperty("deadZone", "" + p.deadZone())),
                Double.parseDouble(System.getProperty("aqDeadZone", "" + p.aqDeadZone())));
    }

    record Ppm(int width, int height, byte[] rgb) {
        static Ppm read(Path path) throws IOException {
            try (InputStream raw = Files.newInputStream(path); DataInputStream in = new DataInputStream(
                    new java.io.BufferedInputStream(raw))) {
                String magic = token(in);
                if (!magic.equals("P6")) {
                    throw new IOException("not a binary PPM: " + magic);
                }
                int w = Integer.parseInt(token(in));
                int h = Integer.parseInt(token(in));
                int max = Integer.parseInt(token(in));
                if (max != 255) {
                    throw new IOException("only 8-bit PPM");
                }
                byte[] rgb = new byte[w * h * 3];
                in.readFully(rgb);
                return new Ppm(w, h, rgb);
            }
        }

        private static String token(DataInputStream in) throws IOException {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '#') {
                    while ((c = in.read()) != -1 && c != '\n') {
                        // comment
                    }
                    continue;
                }
                if (Character.isWhitespace(c)) {
                    if (!sb.isEmpty()) {
                        break;
                    }
                    continue;
                }
                sb.append((char) c);
            }
            return sb.toString();
        }
    }

    /** A component plane padded to whole MCUs, with its DCT and quantized coefficients. */
    static final class Plane {
        final int bw;
        final int bh;
        final float[] dct;
        final short[] coef;

        Plane(int bw, int bh) {
            this.bw = bw;
            this.bh = bh;
            this.dct = new float[bw * bh * 64];
            this.coef = new short[bw * bh * 64];
        }
    }

    static byte[] encode(Ppm img, QuantPlan plan) {
        int w = img.width();
        int h = img.height();
        int f = S444 ? 1 : 2;
        int mcuW = (w + 8 * f - 1) / (8 * f);
        int mcuH = (h + 8 * f - 1) / (8 * f);
        float[] y = new float[w * h];
        float[] cb = new float[w * h];
        float[] cr = new float[w * h];
        byte[] rgb = img.rgb();
        for (int i = 0; i < w * h; i++) {
            float r = rgb[3 * i] & 255;
            float g = rgb[3 * i + 1] & 255;
            float b = rgb[3 * i + 2] & 255;
            y[i] = 0.299f * r + 0.587f * g + 0.114f * b;
            cb[i] = -0.168736f * r - 0.331264f * g + 0.5f * b + 128f;
            cr[i] = 0.5f * r - 0.418688f * g - 0.081312f * b + 128f;
        }
        int cw = (w + 1) / 2;
        int ch = (h + 1) / 2;
        if (S444) {
            cw = w;
            ch = h;
        }
        float[] cbs = S444 ? cb : downsample(cb, w, h, cw, ch);
        float[] crs = S444 ? cr : downsample(cr, w, h, cw, ch);
        Plane[] planes = {new Plane(f * mcuW, f * mcuH), new Plane(mcuW, mcuH), new Plane(mcuW, mcuH)};
        float[][] samples = {y, cbs, crs};
        int[] pw = {w, cw, cw};
        int[] ph = {h, ch, ch};
        for (int c = 0; c < 3; c++) {
            forwardDct(samples[c], pw[c], ph[c], planes[c], plan.deringing() ? plan.table(c)[0] : 0);
        }
        float[][] aq = new float[3][];
        if (plan.adaptive()) {
            AqField field = AqField.compute(y, w, h, w);
            aq[0] = field.forComponent(planes[0].bw, planes[0].bh, 1, 1);
            aq[1] = field.forComponent(planes[1].bw, planes[1].bh, 2, 2);
            aq[2] = aq[1];
        }
        int[][] dcLen = new int[3][];
        int[][] acLen = new int[3][];
        int passes = plan.trellis() ? 2 : 1;
        for (int pass = 0; pass < passes; pass++) {
            for (int c = 0; c < 3; c++) {
                int t = c == 0 ? 0 : 1;
                TrellisQuantizer tq = plan.quantizer(c, dcLen[t], acLen[t]);
                Plane p = planes[c];
                int prediction = 0;
                for (int row = 0; row < p.bh; row++) {
                    tq.quantizeRow(p.dct, row * p.bw * 64, p.bw, p.coef, row * p.bw * 64, aq[c], row * p.bw,
                            prediction);
                    prediction = p.coef[((row + 1) * p.bw - 1) * 64];
                }
            }
            long[][] dcHist = new long[2][17];
            long[][] acHist = new long[2][257];
            scan(planes, mcuW, mcuH, dcHist, acHist, null, null, null);
            for (int t = 0; t < 2; t++) {
                dcLen[t] = HuffmanLengths.of(dcHist[t], 16);
                acLen[t] = HuffmanLengths.of(acHist[t], 256);
            }
        }
        return write(img, plan, planes, mcuW, mcuH, dcLen, acLen);
    }

    private static float[] downsample(float[] full, int w, int h, int cw, int ch) {
        float[] out = new float[cw * ch];
        for (int r = 0; r < ch; r++) {
            for (int c = 0; c < cw; c++) {
                int r0 = 2 * r;
                int r1 = Math.min(2 * r + 1, h - 1);
                int c0 = 2 * c;
                int c1 = Math.min(2 * c + 1, w - 1);
                out[r * cw + c] = (full[r0 * w + c0] + full[r0 * w + c1] + full[r1 * w + c0] + full[r1 * w + c1]) / 4f;
            }
        }
        return out;
    }

    private static void forwardDct(float[] s, int w, int h, Plane p, int dcQuantForDeringing) {
        float[] block = new float[64];
        double[] tmp = new double[64];
        for (int by = 0; by < p.bh; by++) {
            for (int bx = 0; bx < p.bw; bx++) {
                for (int r = 0; r < 8; r++) {
                    int yy = Math.min(by * 8 + r, h - 1);
                    for (int c = 0; c < 8; c++) {
                        int xx = Math.min(bx * 8 + c, w - 1);
                        block[r * 8 + c] = Math.round(Math.clamp(s[yy * w + xx], 0f, 255f));
                    }
                }
                if (dcQuantForDeringing > 0) {
                    Deringing.apply(block, dcQuantForDeringing);
                }
                for (int r = 0; r < 8; r++) {
                    for (int u = 0; u < 8; u++) {
                        double acc = 0;
                        for (int x = 0; x < 8; x++) {
                            acc += COS[u][x] * (block[r * 8 + x] - 128);
                        }
                        tmp[r * 8 + u] = acc;
                    }
                }
                int o = (by * p.bw + bx) * 64;
                for (int v = 0; v < 8; v++) {
                    for (int u = 0; u < 8; u++) {
                        double acc = 0;
                        for (int r = 0; r < 8; r++) {
                            acc += COS[v][r] * tmp[r * 8 + u];
                        }
                        p.dct[o + v * 8 + u] = (float) acc;
                    }
                }
            }
        }
    }

    /** Walks the interleaved MCUs: counts symbols, or writes them when codes are given. */
    private static void scan(Plane[] planes, int mcuW, int mcuH, long[][] dcHist, long[][] acHist, int[][] dcCode,
            int[][] acCode, BitWriter out) {
        int[] pred = new int[3];
        int[][] dcLenFinal = dcCode == null ? null : new int[2][];
        for (int my = 0; my < mcuH; my++) {
            for (int mx = 0; mx < mcuW; mx++) {
                for (int c = 0; c < 3; c++) {
                    int n = c == 0 && !S444 ? 2 : 1;
                    int t = c == 0 ? 0 : 1;
                    Plane p = planes[c];
                    for (int dy = 0; dy < n; dy++) {
                        for (int dx = 0; dx < n; dx++) {
                            int o = ((my * n + dy) * p.bw + mx * n + dx) * 64;
                            block(p.coef, o, pred, c, t, dcHist, acHist, dcCode, acCode, out);
                        }
                    }
                }
            }
        }
    }

    private static void block(short[] coef, int o, int[] pred, int c, int t, long[][] dcHist, long[][] acHist,
            int[][] dcCode, int[][] acCode, BitWriter out) {
        int diff = coef[o] - pred[c];
        pred[c] = coef[o];
        int size = TrellisQuantizer.bitLength(Math.abs(diff));
        if (out == null) {
            dcHist[t][size]++;
        } else {
            out.code(dcCode[2 * t], dcCode[2 * t + 1], size);
            out.magnitude(diff, size);
        }
        int run = 0;
        for (int i = 1; i < 64; i++) {
            int v = coef[o + i];
            if (v == 0) {
                run++;
                continue;
            }
            while (run > 15) {
                if (out == null) {
                    acHist[t][0xF0]++;
                } else {
                    out.code(acCode[2 * t], acCode[2 * t + 1], 0xF0);
                }
                run -= 16;
            }
            int s = TrellisQuantizer.bitLength(Math.abs(v));
            int rs = (run << 4) | s;
            if (out == null) {
                acHist[t][rs]++;
            } else {
                out.code(acCode[2 * t], acCode[2 * t + 1], rs);
                out.magnitude(v, s);
            }
            run = 0;
        }
        if (run > 0) {
            if (out == null) {
                acHist[t][0]++;
            } else {
                out.code(acCode[2 * t], acCode[2 * t + 1], 0);
            }
        }
    }

    private static byte[] write(Ppm img, QuantPlan plan, Plane[] planes, int mcuW, int mcuH, int[][] dcLenIn,
            int[][] acLenIn) {
        // final statistics with the final coefficients
        long[][] dcHist = new long[2][17];
        long[][] acHist = new long[2][257];
        scan(planes, mcuW, mcuH, dcHist, acHist, null, null, null);
        int[][] dcLen = new int[2][];
        int[][] acLen = new int[2][];
        int[][] dcCode = new int[4][];
        int[][] acCode = new int[4][];
        for (int t = 0; t < 2; t++) {
            dcLen[t] = HuffmanLengths.of(dcHist[t], 16);
            acLen[t] = HuffmanLengths.of(acHist[t], 256);
            int[][] d = HuffmanLengths.codes(dcLen[t]);
            dcCode[2 * t] = d[0];
            dcCode[2 * t + 1] = d[1];
            int[][] a = HuffmanLengths.codes(acLen[t]);
            acCode[2 * t] = a[0];
            acCode[2 * t + 1] = a[1];
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(0xFF);
        b.write(0xD8);
        b.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0});
        int[][] tables = {plan.table(0), plan.table(1)};
        segment(b, 0xDB, out -> {
            for (int t = 0; t < 2; t++) {
                out.write(t);
                for (int i = 0; i < 64; i++) {
                    out.write(tables[t][ZigZag.NATURAL_ORDER[i]]);
                }
            }
        });
        segment(b, 0xC0, out -> {
            out.write(8);
            out.write(img.height() >> 8);
            out.write(img.height());
            out.write(img.width() >> 8);
            out.write(img.width());
            out.write(3);
            out.writeBytes(new byte[] {1, (byte) (S444 ? 0x11 : 0x22), 0, 2, 0x11, 1, 3, 0x11, 1});
        });
        segment(b, 0xC4, out -> {
            for (int t = 0; t < 2; t++) {
                dht(out, t, dcLen[t]);
                dht(out, 0x10 | t, acLen[t]);
            }
        });
        segment(b, 0xDA, out -> out.writeBytes(new byte[] {3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0}));
        BitWriter bits = new BitWriter(b);
        scan(planes, mcuW, mcuH, null, null, dcCode, acCode, bits);
        bits.flush();
        b.write(0xFF);
        b.write(0xD9);
        return b.toByteArray();
    }

    private static void dht(ByteArrayOutputStream out, int id, int[] lengths) {
        out.write(id);
        int[] count = new int[17];
        for (int l : lengths) {
            if (l > 0) {
                count[l]++;
            }
        }
        for (int l = 1; l <= 16; l++) {
            out.write(count[l]);
        }
        for (int l = 1; l <= 16; l++) {
            for (int s = 0; s < lengths.length; s++) {
                if (lengths[s] == l) {
                    out.write(s);
                }
            }
        }
    }

    private static void segment(ByteArrayOutputStream b, int marker, java.util.function.Consumer<ByteArrayOutputStream> body) {
        ByteArrayOutputStream p = new ByteArrayOutputStream();
        body.accept(p);
        b.write(0xFF);
        b.write(marker);
        b.write((p.size() + 2) >> 8);
        b.write(p.size() + 2);
        b.writeBytes(p.toByteArray());
    }

    static final class BitWriter {
        private final ByteArrayOutputStream out;
        private long acc;
        private int n;

        BitWriter(ByteArrayOutputStream out) {
            this.out = out;
        }

        void code(int[] codes, int[] lengths, int symbol) {
            if (lengths[symbol] == 0) {
                throw new IllegalStateException("no code for symbol " + symbol);
            }
            put(codes[symbol], lengths[symbol]);
        }

        void magnitude(int v, int size) {
            if (size > 0) {
                put(v >= 0 ? v : v - 1, size);
            }
        }

        void put(int bits, int len) {
            acc = (acc << len) | (bits & ((1L << len) - 1));
            n += len;
            while (n >= 8) {
                int byt = (int) (acc >> (n - 8)) & 255;
                out.write(byt);
                if (byt == 0xFF) {
                    out.write(0);
                }
                n -= 8;
            }
        }

        void flush() {
            if (n > 0) {
                put(0x7F, 8 - n);
            }
        }
    }
}
