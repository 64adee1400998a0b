package com.storagecompressai.jpeg;

import com.storagecompressai.jpeg.quant.AqField;
import com.storagecompressai.jpeg.quant.Deringing;

/**
 * The per-stripe pipeline: colour conversion, edge replication, downsampling, forward DCT and quantization of
 * a range of MCU rows into {@link CoefficientPlanes}. Stripes write disjoint parts of the planes, so they can
 * run concurrently; each thread reuses its own scratch buffers ({@link StripeBuffers}).
 */
final class BlockTransform {

    /** {@link StripeBuffers} slots: 0..3 hold the full-resolution planes. */
    private static final int LUMA_SLOT = 4;
    private static final int DOWNSAMPLED_SLOT = 5;
    private static final int BLOCKS_SLOT = 6;

    private final RasterImage image;
    private final FrameLayout layout;
    private final CoefficientPlanes planes;
    private final BlockQuantizer quantizer;
    private final Preprocessing preprocessing;

    /**
     * Optional steps of the quantization plan: overshoot deringing (with the DC quantizer of each component)
     * and the adaptive-quantization field.
     */
    record Preprocessing(boolean deringing, int[] dcQuant, boolean adaptive) {
    }

    BlockTransform(RasterImage image, FrameLayout layout, CoefficientPlanes planes, BlockQuantizer quantizer,
                   Preprocessing preprocessing) {
        this.image = image;
        this.layout = layout;
        this.planes = planes;
        this.quantizer = quantizer;
        this.preprocessing = preprocessing;
    }

    /** Processes MCU rows {@code [mcuRowStart, mcuRowEnd)}. */
    void run(int mcuRowStart, int mcuRowEnd) {
        int fullWidth = layout.mcusWide() * 8 * layout.hMax();
        int mcuRows = mcuRowEnd - mcuRowStart;
        int fullRows = mcuRows * 8 * layout.vMax();
        int firstRow = mcuRowStart * 8 * layout.vMax();
        int componentCount = layout.componentCount();
        StripeBuffers buffers = StripeBuffers.ofThisThread();
        float[][] full = new float[componentCount][];
        for (int c = 0; c < componentCount; c++) {
            full[c] = buffers.floats(c, fullWidth * fullRows);
        }
        convert(firstRow, fullRows, fullWidth, full);
        AqField field = null;
        if (preprocessing.adaptive()) {
            int realRows = Math.min(fullRows, image.height() - firstRow);
            float[] luma = buffers.floats(LUMA_SLOT, fullWidth * realRows);
            for (int i = 0; i < fullWidth * realRows; i++) {
                luma[i] = full[0][i] + 128f; // AqField works on 0..255 samples
            }
            field = AqField.compute(luma, image.width(), realRows, fullWidth);
        }

        float[] scratch = null;
        for (int c = 0; c < componentCount; c++) {
            ComponentLayout comp = layout.component(c);
            int sx = layout.hMax() / comp.h();
            int sy = layout.vMax() / comp.v();
            float[] samples = full[c];
            int width = fullWidth / sx;
            if (sx != 1 || sy != 1) {
                if (scratch == null) {
                    scratch = buffers.floats(DOWNSAMPLED_SLOT, (fullWidth / sx) * (fullRows / sy));
                }
                Downsampler.box(full[c], fullWidth, fullRows, sx, sy, scratch);

                samples = scratch;
            }
            float[] aq = null;
            if (field != null) {
                int blockRows = Math.min(mcuRows * comp.v(), comp.blocksHigh() - mcuRowStart * comp.v());
                aq = field.forComponent(comp.blocksWide(), blockRows, sx, sy);
            }
            transformComponent(comp, samples, width, mcuRowStart, mcuRowEnd, aq, buffers);
        }
    }

    /** Colour-converts image rows into MCU-padded full-resolution planes, replicating the right and bottom edges. */
    private void convert(int firstRow, int rows, int fullWidth, float[][] full) {
        int w = image.width();
        int lastRow = image.height() - 1;
        byte[] src = image.samples();
        boolean rgb = image.channels() == ColorChannels.RGB;
        for (int r = 0; r < rows; r++) {
            int y = Math.min(firstRow + r, lastRow);
            int dst = r * fullWidth;
            if (rgb) {
                ColorConverter.rgbRow(src, y * w * 3, w, full[0], full[1], full[2], dst);
            } else {
                ColorConverter.grayRow(src, y * w, w, full[0], dst);
            }
            for (float[] plane : full) {
                float edge = plane[dst + w - 1];
                for (int x = w; x < fullWidth; x++) {
                    plane[dst + x] = edge;
                }
            }
        }
    }

    private void transformComponent(ComponentLayout comp, float[] samples, int width,
                                    int mcuRowStart, int mcuRowEnd, float[] aq, StripeBuffers buffers) {
        boolean dering = preprocessing.deringing();
        int dcQuant = dering ? preprocessing.dcQuant()[comp.index()] : 0;
        short[] plane = planes.plane(comp.index());
        int realBlocks = comp.blocksWide();
        float[] blocks = buffers.floats(BLOCKS_SLOT, realBlocks * 64);
        int firstBlockRow = mcuRowStart * comp.v();
        int endBlockRow = mcuRowEnd * comp.v();
        for (int by = firstBlockRow; by < endBlockRow; by++) {
            if (by >= comp.blocksHigh()) {
                break;
            }
            int rowBase = (by - firstBlockRow) * 8 * width;
            for (int bx = 0; bx < realBlocks; bx++) {
                int o = bx * 64;
                for (int r = 0; r < 8; r++) {
                    System.arraycopy(samples, rowBase + r * width + bx * 8, blocks, o + r * 8, 8);
                }
                if (dering) {
                    dering(blocks, o, dcQuant);
                }
                ForwardDct.transform(blocks, o);
            }
            // A stripe's DC chain starts from its own first block, so stripes never depend on each other.
            int startDc = by == firstBlockRow ? quantizer.plainDc(comp.index(), blocks[0])
                    : plane[comp.blockOffset(realBlocks - 1, by - 1)];
            quantizer.quantizeRow(comp.index(), blocks, realBlocks, plane, comp.blockOffset(0, by),
                    aq, (by - firstBlockRow) * realBlocks, startDc);
        }
        fillDummyBlocks(comp, plane, mcuRowStart, mcuRowEnd);
    }

    /** Deringing works on 0..255 samples; ours are level-shifted. It only acts on blocks that reach white. */
    private static void dering(float[] blocks, int o, int dcQuant) {
        boolean white = false;
        for (int i = o; i < o + 64; i++) {
            if (blocks[i] >= 127f) {
                white = true;
                break;
            }
        }
        if (!white) {
            return;
        }
        for (int i = o; i < o + 64; i++) {
            blocks[i] += 128f;
        }
        Deringing.apply(blocks, o, dcQuant);
        for (int i = o; i < o + 64; i++) {
            blocks[i] -= 128f;
        }
    }

    /**
     * Blocks that only pad an MCU get zero AC and the DC of the block coded just before them in the MCU, so
     * they cost almost nothing (libjpeg {@code jccoefct.c}).
     */
    private void fillDummyBlocks(ComponentLayout comp, short[] plane, int mcuRowStart, int mcuRowEnd) {
        if (comp.blocksWide() == comp.paddedBlocksWide() && comp.blocksHigh() == comp.paddedBlocksHigh()) {
            return;
        }
        for (int my = mcuRowStart; my < mcuRowEnd; my++) {
            for (int mx = 0; mx < layout.mcusWide(); mx++) {
                for (int v = 0; v < comp.v(); v++) {
                    for (int h = 0; h < comp.h(); h++) {
                        int bx = mx * comp.h() + h;
                        int by = my * comp.v() + v;
                        if (bx < comp.blocksWide() && by < comp.blocksHigh()) {
                            continue;
                        }
                        int previous = h > 0 ? comp.blockOffset(bx - 1, by)
                                : comp.blockOffset(mx * comp.h() + comp.h() - 1, by - 1);
                        int o = comp.blockOffset(bx, by);
                        java.util.Arrays.fill(plane, o, o + 64, (short) 0);
                        plane[o] = plane[previous];
                    }
                }
            }
        }
    }
}
