package dev.rfmkit.segment;

import dev.rfmkit.score.RfmScore;
import dev.rfmkit.score.RfmScores;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A segment scheme: ordered rules mapping each RFM score (r, f, m, each 1..k) to exactly one
 * segment. The first rule that matches wins; scores no rule matches get the fallback segment.
 *
 * <p>Building compiles the rules into a lookup table of k^3 cells, so classifying is one array read.
 * Building fails when a bound exceeds k, or when some cell is matched by no rule and there is no
 * fallback. A scheme is defined for one k; classifying scores of another k is an error.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class SegmentScheme {
    private static final SegmentScheme TWELVE = builder("twelve", 5)
            .rule(Segment.CHAMPIONS, "R4-5 F>=4 M>=4")
            .rule(Segment.LOYAL, "R4-5 F>=3 M>=3")
            .rule(Segment.PROMISING, "R4-5 F<=2 M>=3")
            .rule(Segment.NEW, "R4-5 F=1")
            .rule(Segment.POTENTIAL_LOYALIST, "R4-5")
            .rule(Segment.LOYAL, "R3 F>=4 M>=4")
            .rule(Segment.NEEDS_ATTENTION, "R3 F>=3", "R3 M>=3")
            .rule(Segment.ABOUT_TO_SLEEP, "R3")
            .rule(Segment.CANT_LOSE_THEM, "R1-2 F>=4 M>=4")
            .rule(Segment.AT_RISK, "R1-2 F>=3", "R1-2 M>=3")
            .rule(Segment.HIBERNATING, "R2")
            .rule(Segment.LOST, "R1")
            .build();

    private final String name;
    private final int k;
    private final List<SegmentRule> rules;
    private final Segment fallback;
    private final List<Segment> segments;
    private final byte[] table;

    private SegmentScheme(String name, int k, List<SegmentRule> rules, Segment fallback, List<Segment> segments,
            byte[] table) {
        this.name = name;
        this.k = k;
        this.rules = rules;
        this.fallback = fallback;
        this.segments = segments;
        this.table = table;
    }

    /**
     * The default scheme, {@code twelve}, for k = 5: the twelve segments ordered by recency band.
     *
     * <table>
     *   <caption>Rules, first match wins</caption>
     *   <tr><th>segment</th><th>rule</th></tr>
     *   <tr><td>CHAMPIONS</td><td>R4-5, F&gt;=4, M&gt;=4</td></tr>
     *   <tr><td>LOYAL</td><td>R4-5, F&gt;=3, M&gt;=3</td></tr>
     *   <tr><td>PROMISING</td><td>R4-5, F&lt;=2, M&gt;=3</td></tr>
     *   <tr><td>NEW</td><td>R4-5, F=1</td></tr>
     *   <tr><td>POTENTIAL_LOYALIST</td><td>R4-5</td></tr>
     *   <tr><td>LOYAL</td><td>R3, F&gt;=4, M&gt;=4</td></tr>
     *   <tr><td>NEEDS_ATTENTION</td><td>R3, F&gt;=3 or M&gt;=3</td></tr>
     *   <tr><td>ABOUT_TO_SLEEP</td><td>R3</td></tr>
     *   <tr><td>CANT_LOSE_THEM</td><td>R1-2, F&gt;=4, M&gt;=4</td></tr>
     *   <tr><td>AT_RISK</td><td>R1-2, F&gt;=3 or M&gt;=3</td></tr>
     *   <tr><td>HIBERNATING</td><td>R2</td></tr>
     *   <tr><td>LOST</td><td>R1</td></tr>
     * </table>
     *
     * @return the scheme
     */
    public static SegmentScheme twelve() {
        return TWELVE;
    }

    /**
     * Starts a scheme.
     *
     * @param name the scheme's name
     * @param bins the k the scheme is defined for, 2..10
     * @return a builder
     * @throws IllegalArgumentException if bins is outside 2..10 or the name is blank
     */
    public static Builder builder(String name, int bins) {
        return new Builder(name, bins);
    }

    /** The scheme's name, such as {@code twelve}. */
    public String name() {
        return name;
    }

    /** The k the scheme is defined for. */
    public int bins() {
        return k;
    }

    /** The rules, in order. */
    public List<SegmentRule> rules() {
        return rules;
    }

    /** The segment of cells no rule matches, if any. */
    public Optional<Segment> fallback() {
        return Optional.ofNullable(fallback);
    }

    /** The distinct segments that some cell maps to, in the order of their first rule, the fallback last. */
    public List<Segment> segments() {
        return segments;
    }

    /**
     * The segment of a score.
     *
     * @param score the score
     * @return the segment
     * @throws IllegalArgumentException if a score exceeds the scheme's k
     */
    public Segment classify(RfmScore score) {
        return segments.get(table[score.cell(k)]);
    }

    /**
     * The segment of a cell index ({@link RfmScore#cell(int)} with this scheme's k).
     *
     * @param cell the cell, 0..k^3-1
     * @return the segment
     * @throws IllegalArgumentException if the cell is out of range
     */
    public Segment classifyCell(int cell) {
        if (cell < 0 || cell >= table.length) {
            throw new IllegalArgumentException("cell must be between 0 and " + (table.length - 1) + " (was " + cell + ")");
        }
        return segments.get(table[cell]);
    }

    /**
     * The index into {@link #segments()} of every cell's segment, for batch classification:
     * {@code segments().get(table[cell])}.
     *
     * @return a copy of the lookup table, k^3 entries
     */
    public byte[] lookupTable() {
        return table.clone();
    }

    /**
     * Classifies many scores.
     *
     * @param scores the scores, scored with this scheme's k
     * @return the index into {@link #segments()} of every row's segment
     * @throws IllegalArgumentException if the scores use another k
     */
    public byte[] classifyAll(RfmScores scores) {
        checkBins(scores.bins());
        byte[] out = new byte[scores.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = table[scores.cell(i)];
        }
        return out;
    }

    /**
     * Checks that scores with k bins can be classified by this scheme.
     *
     * @param bins the k of the scores
     * @throws IllegalArgumentException if it is not this scheme's k
     */
    public void checkBins(int bins) {
        if (bins != k) {
            throw new IllegalArgumentException("scheme " + name + " is defined for " + k + " bins, not " + bins);
        }
    }

    @Override
    public String toString() {
        return "SegmentScheme[" + name + ", bins=" + k + ", " + rules.size() + " rules"
                + (fallback == null ? "" : ", fallback=" + fallback.id()) + "]";
    }

    /** Builds a {@link SegmentScheme}; rules keep the order in which they are added. */
    public static final class Builder {
        private final String name;
        private final int k;
        private final List<SegmentRule> rules = new ArrayList<>();
        private Segment fallback;

        private Builder(String name, int k) {
            this.name = Objects.requireNonNull(name, "name").strip();
            if (this.name.isEmpty()) {
                throw new IllegalArgumentException("scheme name must not be blank");
            }
            if (k < 2 || k > RfmScore.MAX_BINS) {
                throw new IllegalArgumentException("bins must be between 2 and " + RfmScore.MAX_BINS + " (was " + k + ")");
            }
            this.k = k;
        }

        /**
         * Adds a rule whose boxes are given in {@link ScoreBox} notation.
         *
         * @param segment the segment
         * @param boxes one or more boxes, such as {@code "R3 F>=3"}
         * @return this builder
         */
        public Builder rule(Segment segment, String... boxes) {
            List<ScoreBox> parsed = new ArrayList<>();
            for (String b : boxes) {
                parsed.add(ScoreBox.parse(b));
            }
            return rule(new SegmentRule(segment, parsed));
        }

        /**
         * Adds a rule.
         *
         * @param rule the rule
         * @return this builder
         */
        public Builder rule(SegmentRule rule) {
            rules.add(Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /**
         * Sets the segment of cells no rule matches.
         *
         * @param segment the fallback segment
         * @return this builder
         */
        public Builder fallback(Segment segment) {
            this.fallback = Objects.requireNonNull(segment, "segment");
            return this;
        }

        /**
         * Validates and compiles the scheme.
         *
         * @return the scheme
         * @throws IllegalArgumentException if there is no rule, a bound exceeds k, two segments share an
         *     id, or some cells match no rule and there is no fallback (the message lists them)
         */
        public SegmentScheme build() {
            if (rules.isEmpty() && fallback == null) {
                throw new IllegalArgumentException("scheme " + name + " has no rule");
            }
            for (int i = 0; i < rules.size(); i++) {
                for (ScoreBox b : rules.get(i).boxes()) {
                    if (b.highestExplicitBound() > k) {
                        throw new IllegalArgumentException("scheme " + name + ", rule " + (i + 1) + " ("
                                + rules.get(i) + "): bound exceeds " + k + " bins");
                    }
                }
            }
            checkDistinctIds();
            List<Segment> segments = new ArrayList<>();
            int cells = k * k * k;
            byte[] table = new byte[cells];
            List<String> unmatched = new ArrayList<>();
            for (int cell = 0; cell < cells; cell++) {
                RfmScore score = RfmScore.ofCell(cell, k);
                Segment s = fallback;
                for (SegmentRule rule : rules) {
                    if (rule.matches(score)) {
                        s = rule.segment();
                        break;
                    }
                }
                if (s == null) {
                    unmatched.add(score.code());
                    continue;
                }
                table[cell] = (byte) indexOf(segments, s);
            }
            if (!unmatched.isEmpty()) {
                throw new IllegalArgumentException("scheme " + name + " matches no rule for " + unmatched.size()
                        + " cells and has no fallback: " + String.join(", ",
                                unmatched.subList(0, Math.min(20, unmatched.size())))
                        + (unmatched.size() > 20 ? ", ..." : ""));
            }
            // order segments by first rule, fallback last, and renumber the table to that order
            List<Segment> ordered = new ArrayList<>();
            for (SegmentRule rule : rules) {
                if (segments.contains(rule.segment()) && !ordered.contains(rule.segment())) {
                    ordered.add(rule.segment());
                }
            }
            if (fallback != null && segments.contains(fallback) && !ordered.contains(fallback)) {
                ordered.add(fallback);
            }
            byte[] renumbered = new byte[cells];
            for (int cell = 0; cell < cells; cell++) {
                renumbered[cell] = (byte) ordered.indexOf(segments.get(table[cell]));
            }
            return new SegmentScheme(name, k, List.copyOf(rules), fallback, List.copyOf(ordered), renumbered);
        }

        // Every named segment counts, including those of rules shadowed by earlier ones.
        private void checkDistinctIds() {
            Map<String, Segment> byId = new HashMap<>();
            List<Segment> named = new ArrayList<>();
            rules.forEach(r -> named.add(r.segment()));
            if (fallback != null) {
                named.add(fallback);
            }
            for (Segment s : named) {
                Segment other = byId.putIfAbsent(s.id(), s);
                if (other != null && !other.equals(s)) {
                    throw new IllegalArgumentException("scheme " + name + " names segment " + s.id()
                            + " twice with different display names (\"" + other.displayName() + "\" and \""
                            + s.displayName() + "\")");
                }
            }
        }

        private int indexOf(List<Segment> segments, Segment s) {
            for (int i = 0; i < segments.size(); i++) {
                Segment other = segments.get(i);
                if (other.equals(s)) {
                    return i;
                }
            }
            if (segments.size() == 127) {
                throw new IllegalArgumentException("scheme " + name + " has more than 127 segments");
            }
            segments.add(s);
            return segments.size() - 1;
        }
    }
}
