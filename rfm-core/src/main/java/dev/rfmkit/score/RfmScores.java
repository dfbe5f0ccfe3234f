package dev.rfmkit.score;

/**
 * The scores of many customers, as columns aligned with the rows of the table that was scored.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class RfmScores {
    private final int bins;
    // per row the cell of its score (RfmScore#cell), as the models score, kept as they are; per cell its
    // three scores
    private final int[] cells;
    private final byte[] rOf;
    private final byte[] fOf;
    private final byte[] mOf;

    private RfmScores(int bins, int[] cells) {
        this.bins = bins;
        this.cells = cells;
        int all = bins * bins * bins;
        rOf = new byte[all];
        fOf = new byte[all];
        mOf = new byte[all];
        for (int c = 0; c < all; c++) {
            rOf[c] = (byte) (c / (bins * bins) + 1);
            fOf[c] = (byte) (c / bins % bins + 1);
            mOf[c] = (byte) (c % bins + 1);
        }
    }

    /** The scores of cells ({@link RfmScore#cell(int)}, each 0..k^3-1); the array is kept, not copied. */
    static RfmScores ofCells(int bins, int[] cells) {
        return new RfmScores(bins, cells);
    }

    /** The cell ({@link RfmScore#cell(int)}) of scores r, f and m, each 1..k. */
    static int cellOf(int bins, int r, int f, int m) {
        return ((r - 1) * bins + (f - 1)) * bins + (m - 1);
    }

    /** The number of bins k; every score is 1..k. */
    public int bins() {
        return bins;
    }

    /** The number of scored customers. */
    public int size() {
        return cells.length;
    }

    /**
     * The score of a row.
     *
     * @param row the row, 0-based
     * @return the score
     */
    public RfmScore get(int row) {
        int c = cells[row];
        return new RfmScore(rOf[c], fOf[c], mOf[c]);
    }

    /**
     * The recency score of a row.
     *
     * @param row the row
     * @return 1..k
     */
    public int r(int row) {
        return rOf[cells[row]];
    }

    /**
     * The frequency score of a row.
     *
     * @param row the row
     * @return 1..k
     */
    public int f(int row) {
        return fOf[cells[row]];
    }

    /**
     * The monetary score of a row.
     *
     * @param row the row
     * @return 1..k
     */
    public int m(int row) {
        return mOf[cells[row]];
    }

    /**
     * The cell index of a row's score, see {@link RfmScore#cell(int)}.
     *
     * @param row the row
     * @return 0..k^3-1
     */
    public int cell(int row) {
        return cells[row];
    }

    @Override
    public String toString() {
        return "RfmScores[" + cells.length + " customers, bins=" + bins + "]";
    }
}
