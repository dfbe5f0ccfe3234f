package dev.rfmkit.score;

/** The three RFM dimensions. */
public enum Dimension {
    /** Days since the last order; fewer days score higher. */
    RECENCY('R'),
    /** The number of orders; more score higher. */
    FREQUENCY('F'),
    /** Money spent; more scores higher. */
    MONETARY('M');

    private final char letter;

    Dimension(char letter) {
        this.letter = letter;
    }

    /** The letter of the dimension: {@code R}, {@code F} or {@code M}. */
    public char letter() {
        return letter;
    }

    /**
     * The score of a bin in this dimension: {@code k - bin} for recency, {@code bin + 1} otherwise.
     *
     * @param bin the bin, 0..k-1
     * @param k the number of bins
     * @return the score, 1..k
     */
    public int scoreOfBin(int bin, int k) {
        return this == RECENCY ? k - bin : bin + 1;
    }
}
