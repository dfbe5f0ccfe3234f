package dev.rfmkit.score;

/**
 * The scores of many customers, as columns aligned with the rows of the table that was scored.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class RfmScores {
    private final int bins;
    private final byte[] r;
    private final byte[] f;
    private final byte[] m;

    RfmScores(int bins, byte[] r, byte[] f, byte[] m) {
        this.bins = bins;
        this.r = r;
        this.f = f;
        this.m = m;
    }

    /** The scores of cells ({@link RfmScore#cell(int)}), split by look-ups in tables of the k^3 cells. */
    static RfmScores ofCells(int bins, int[] cells) {
        int all = bins * bins * bins;
        byte[] rOf = new byte[all];
        byte[] fOf = new byte[all];
        byte[] mOf = new byte[all];
        for (int c = 0; c < all; c++) {
            rOf[c] = (byte) (c / (bins * bins) + 1);
            fOf[c] = (byte) (c / bins % bins + 1);
            mOf[c] = (byte) (c % bins + 1);
        }
        int n = cells.length;
        byte[] r = new byte[n];
        byte[] f = new byte[n];
        byte[] m = new byte[n];
        for (int i = 0; i < n; i++) {
            int c = cells[i];
            r[i] = rOf[c];
            f[i] = fOf[c];
            m[i] = mOf[c];
        }
        return new RfmScores(bins, r, f, m);
    }

    /** The number of bins k; every score is 1..k. */
    public int bins() {
        return bins;
    }

    /** The number of scored customers. */
    public int size() {
        return r.length;
    }

    /**
     * The score of a row.
     *
     * @param row the row, 0-based
     * @return the score
     */
    public RfmScore get(int row) {
        return new RfmScore(r[row], f[row], m[row]);
    }

    /**
     * The recency score of a row.
     *
     * @param row the row
     * @return 1..k
     */
    public int r(int row) {
        return r[row];
    }

    /**
     * The frequency score of a row.
     *
     * @param row the row
     * @return 1..k
     */
    public int f(int row) {
        return f[row];
    }

    /**
     * The monetary score of a row.
     *
     * @param row the row
     * @return 1..k
     */
    public int m(int row) {
        return m[row];
    }

    /**
     * The cell index of a row's score, see {@link RfmScore#cell(int)}.
     *
     * @param row the row
     * @return 0..k^3-1
     */
    public int cell(int row) {
        return ((r[row] - 1) * bins + (f[row] - 1)) * bins + (m[row] - 1);
    }

    @Override
    public String toString() {
        return "RfmScores[" + r.length + " customers, bins=" + bins + "]";
    }
}
