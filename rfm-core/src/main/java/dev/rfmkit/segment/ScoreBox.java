package dev.rfmkit.segment;

import dev.rfmkit.score.Dimension;
import dev.rfmkit.score.RfmScore;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A box of RFM cells: an inclusive score range per dimension. A dimension without bounds matches any
 * score; an upper bound may be open ({@code F>=3}).
 *
 * <p>Notation ({@link #parse}): terms separated by spaces or commas, each a letter R, F or M and a
 * bound: {@code R4-5} (4 to 5), {@code R3} or {@code R=3} (exactly 3), {@code F>=3}, {@code F<=2}.
 * An omitted letter matches anything.
 *
 * @param rMin lowest recency score
 * @param rMax highest recency score ({@link #OPEN} for no upper bound)
 * @param fMin lowest frequency score
 * @param fMax highest frequency score ({@link #OPEN} for no upper bound)
 * @param mMin lowest monetary score
 * @param mMax highest monetary score ({@link #OPEN} for no upper bound)
 */
public record ScoreBox(int rMin, int rMax, int fMin, int fMax, int mMin, int mMax) {
    /** An open upper bound: up to k, whatever k is. */
    public static final int OPEN = Integer.MAX_VALUE;

    private static final ScoreBox ANY = new ScoreBox(1, OPEN, 1, OPEN, 1, OPEN);
    private static final Pattern TERM = Pattern.compile("([RFMrfm])(?:(>=|<=|=)?(\\d+)(?:-(\\d+))?)");

    /**
     * Checks the bounds.
     *
     * @throws IllegalArgumentException if a lower bound is below 1 or above its upper bound
     */
    public ScoreBox {
        check('R', rMin, rMax);
        check('F', fMin, fMax);
        check('M', mMin, mMax);
    }

    private static void check(char letter, int min, int max) {
        if (min < 1) {
            throw new IllegalArgumentException(letter + " lower bound must be at least 1 (was " + min + ")");
        }
        if (min > max) {
            throw new IllegalArgumentException(letter + " range is empty: " + min + " > " + max);
        }
    }

    /** The box of every cell. */
    public static ScoreBox any() {
        return ANY;
    }

    /**
     * Parses the notation described in the class documentation, such as {@code "R4-5 F>=4 M>=4"}.
     *
     * @param notation the box
     * @return the box
     * @throws IllegalArgumentException if the notation is malformed or names a dimension twice
     */
    public static ScoreBox parse(String notation) {
        Objects.requireNonNull(notation, "notation");
        int[] min = {1, 1, 1};
        int[] max = {OPEN, OPEN, OPEN};
        boolean[] seen = new boolean[3];
        String trimmed = notation.strip();
        if (trimmed.isEmpty()) {
            return ANY;
        }
        for (String term : trimmed.split("[\\s,]+")) {
            Matcher m = TERM.matcher(term);
            if (!m.matches()) {
                throw new IllegalArgumentException("\"" + term + "\" in box \"" + notation
                        + "\" is not a bound such as R4-5, R3, F>=3 or M<=2");
            }
            int d = "RFM".indexOf(Character.toUpperCase(m.group(1).charAt(0)));
            if (seen[d]) {
                throw new IllegalArgumentException("box \"" + notation + "\" bounds " + m.group(1) + " twice");
            }
            seen[d] = true;
            String op = m.group(2);
            int a = Integer.parseInt(m.group(3));
            if (m.group(4) != null) {
                if (op != null) {
                    throw new IllegalArgumentException("\"" + term + "\" in box \"" + notation
                            + "\" mixes a comparison and a range");
                }
                min[d] = a;
                max[d] = Integer.parseInt(m.group(4));
            } else if (">=".equals(op)) {
                min[d] = a;
            } else if ("<=".equals(op)) {
                max[d] = a;
            } else {
                min[d] = a;
                max[d] = a;
            }
        }
        return new ScoreBox(min[0], max[0], min[1], max[1], min[2], max[2]);
    }

    /**
     * Whether the box holds a score.
     *
     * @param r the recency score
     * @param f the frequency score
     * @param m the monetary score
     * @return true if every score is within its range
     */
    public boolean contains(int r, int f, int m) {
        return r >= rMin && r <= rMax && f >= fMin && f <= fMax && m >= mMin && m <= mMax;
    }

    /**
     * Whether the box holds a score.
     *
     * @param score the score
     * @return true if every score is within its range
     */
    public boolean contains(RfmScore score) {
        return contains(score.r(), score.f(), score.m());
    }

    /** The highest explicit upper bound, or 0 if every upper bound is open. */
    int highestExplicitBound() {
        int h = 0;
        for (int b : new int[] {rMax, fMax, mMax}) {
            if (b != OPEN) {
                h = Math.max(h, b);
            }
        }
        return Math.max(h, Math.max(rMin, Math.max(fMin, mMin)));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        term(sb, Dimension.RECENCY, rMin, rMax);
        term(sb, Dimension.FREQUENCY, fMin, fMax);
        term(sb, Dimension.MONETARY, mMin, mMax);
        return sb.length() == 0 ? "any" : sb.toString();
    }

    private static void term(StringBuilder sb, Dimension d, int min, int max) {
        if (min == 1 && max == OPEN) {
            return;
        }
        if (sb.length() > 0) {
            sb.append(' ');
        }
        sb.append(d.letter());
        if (max == OPEN) {
            sb.append(">=").append(min);
        } else if (min == max) {
            sb.append(min);
        } else if (min == 1) {
            sb.append("<=").append(max);
        } else {
            sb.append(min).append('-').append(max);
        }
    }
}
