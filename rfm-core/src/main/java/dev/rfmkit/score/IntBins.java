package dev.rfmkit.score;

/**
 * The bin of every integer value by table lookup instead of comparisons with each cut point: for
 * recency and frequency, whose cut points lie within a few hundred days or orders. The table covers
 * lo..hi, one below the lowest finite cut point to one above the highest; every value below lo has
 * the bin of lo and every value above hi the bin of hi (no finite cut point lies between them), so a
 * value is clamped into the range and looked up, without a branch. Built from the comparison rule
 * itself, so it gives the same bin for every int.
 */
final class IntBins {
    /** Tables wider than this are not built: the comparisons are used instead. */
    static final long MAX_WIDTH = 1 << 16;

    final int lo;
    final int hi;
    /** bins[x - lo] = the bin of x. */
    final byte[] bins;

    private IntBins(int lo, int hi, byte[] bins) {
        this.lo = lo;
        this.hi = hi;
        this.bins = bins;
    }

    /** The table of these cut points, or null if their finite ones span more than MAX_WIDTH. */
    static IntBins of(double[] cuts, boolean closedRight) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double c : cuts) {
            if (Double.isFinite(c)) {
                min = Math.min(min, c);
                max = Math.max(max, c);
            }
        }
        long lo;
        long hi;
        if (min > max) {
            // no finite cut point: every int has the same bin
            lo = 0;
            hi = 0;
        } else {
            // clamped to the ints: cut points beyond them all leave every int on one side
            lo = clampToInt(Math.floor(min) - 1);
            hi = clampToInt(Math.ceil(max) + 1);
        }
        if (hi - lo + 1 > MAX_WIDTH) {
            return null;
        }
        byte[] bins = new byte[(int) (hi - lo + 1)];
        for (int i = 0; i < bins.length; i++) {
            double x = lo + i;
            bins[i] = (byte) (closedRight ? CutPointModel.bin(cuts, x) : CutPointModel.binClosedLeft(cuts, x));
        }
        return new IntBins((int) lo, (int) hi, bins);
    }

    private static long clampToInt(double x) {
        return (long) Math.min(Integer.MAX_VALUE, Math.max(Integer.MIN_VALUE, x));
    }

    /** The bin of x. */
    int bin(int x) {
        return bins[Math.min(Math.max(x, lo), hi) - lo];
    }
}
