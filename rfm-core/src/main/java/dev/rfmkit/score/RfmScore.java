package dev.rfmkit.score;

/**
 * An RFM score: recency, frequency and monetary scores, each 1..k.
 *
 * <p>Higher is better in every dimension. The {@linkplain #code() code} joins the three digits,
 * such as {@code 545}.
 *
 * @param r the recency score
 * @param f the frequency score
 * @param m the monetary score
 */
public record RfmScore(int r, int f, int m) {
    /** The largest number of bins any strategy supports. */
    public static final int MAX_BINS = 10;

    /**
     * Checks the scores.
     *
     * @throws IllegalArgumentException if a score is outside 1..{@value #MAX_BINS}
     */
    public RfmScore {
        check("r", r);
        check("f", f);
        check("m", m);
    }

    private static void check(String name, int score) {
        if (score < 1 || score > MAX_BINS) {
            throw new IllegalArgumentException(name + " must be between 1 and " + MAX_BINS + " (was " + score + ")");
        }
    }

    /**
     * The score with these parts.
     *
     * @param r the recency score
     * @param f the frequency score
     * @param m the monetary score
     * @return the score
     */
    public static RfmScore of(int r, int f, int m) {
        return new RfmScore(r, f, m);
    }

    /**
     * The score of a cell index, the inverse of {@link #cell(int)}.
     *
     * @param cell the cell, 0..k^3-1
     * @param k the number of bins
     * @return the score
     */
    public static RfmScore ofCell(int cell, int k) {
        if (cell < 0 || cell >= k * k * k) {
            throw new IllegalArgumentException("cell must be between 0 and " + (k * k * k - 1) + " (was " + cell + ")");
        }
        return new RfmScore(cell / (k * k) + 1, cell / k % k + 1, cell % k + 1);
    }

    /**
     * The index of this score among the k^3 cells: {@code ((r-1)*k + (f-1))*k + (m-1)}.
     *
     * @param k the number of bins
     * @return the cell index, 0..k^3-1
     * @throws IllegalArgumentException if a score exceeds k
     */
    public int cell(int k) {
        if (r > k || f > k || m > k) {
            throw new IllegalArgumentException("score " + code() + " does not fit " + k + " bins");
        }
        return RfmScores.cellOf(k, r, f, m);
    }

    /**
     * The score of a dimension.
     *
     * @param dimension the dimension
     * @return the score
     */
    public int get(Dimension dimension) {
        return switch (dimension) {
            case RECENCY -> r;
            case FREQUENCY -> f;
            case MONETARY -> m;
        };
    }

    /** The code: the three scores joined, such as {@code 545} (with 10 bins, {@code 10-9-10}). */
    public String code() {
        return r < 10 && f < 10 && m < 10 ? "" + r + f + m : r + "-" + f + "-" + m;
    }

    // Written out rather than left to the record's generated methods, whose first call builds method
    // handles at run time: scores are compared while every scheme is built.
    @Override
    public boolean equals(Object o) {
        return o instanceof RfmScore s && r == s.r && f == s.f && m == s.m;
    }

    @Override
    public int hashCode() {
        return (r * 31 + f) * 31 + m;
    }

    @Override
    public String toString() {
        return code();
    }
}
