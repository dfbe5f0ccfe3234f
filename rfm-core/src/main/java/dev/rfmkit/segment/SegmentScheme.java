package dev.rfmkit.segment;

import dev.rfmkit.score.RfmScore;
import dev.rfmkit.score.RfmScores;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A segment scheme: ordered rules mapping each RFM score (r, f, m, each 1..k) to exactly one
 * segment. The first rule that matches wins; scores no rule matches get the fallback segment.
 *
 * <p>Rules come in three forms (score boxes, explicit cells, conditions; see {@link SegmentRule}), and
 * building compiles them all into one lookup table of k^3 cells, so classifying is one array read.
 * Building fails when a bound exceeds k, a rule matches no cell, or some cell is matched by no rule
 * and there is no fallback; {@link #validation()} reports rules that never fire because earlier ones
 * take their cells. A scheme is defined for one k; classifying scores of another k is an error.
 *
 * <p>A scheme may carry an engagement overlay and texts for its segments. The built-in schemes
 * ({@link #builtIn()}) are those of {@code spec/segments.md}, all for k = 5.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class SegmentScheme {
    private final String name;
    private final int k;
    private final List<SegmentRule> rules;
    private final Segment fallback;
    private final List<Segment> segments;
    private final byte[] table;
    private final SchemeValidation validation;
    private final EngagementOverlay overlay;
    private final SegmentTexts texts;

    private SegmentScheme(Builder b, List<Segment> segments, byte[] table, SchemeValidation validation) {
        this.name = b.name;
        this.k = b.k;
        this.rules = List.copyOf(b.rules);
        this.fallback = b.fallback;
        this.segments = List.copyOf(segments);
        this.table = table;
        this.validation = validation;
        this.overlay = b.overlay;
        this.texts = b.texts;
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
        return Presets.named("twelve");
    }

    /**
     * The eleven-segment cell list of marketing-automation vendors (k = 5): an explicit list of the
     * 125 cells, with the engagement overlay on {@code LOST}, giving the twelve segment names of
     * {@link #twelve()} cell by cell as published.
     *
     * @return the scheme
     */
    public static SegmentScheme classicEleven() {
        return Presets.named("classic-eleven");
    }

    /**
     * The default segments of the R package {@code rfm} 0.3.0 (k = 5): ten ordered rules of
     * inclusive ranges, first match wins, {@code OTHERS} for scores no rule matches.
     *
     * @return the scheme
     */
    public static SegmentScheme rfmPackage() {
        return Presets.named("rfm-package");
    }

    /**
     * The recency x frequency grid of many Python tutorials (k = 5), monetary ignored, with their
     * lower-case labels ({@code hibernating}, {@code cant_loose}, ...).
     *
     * @return the scheme
     */
    public static SegmentScheme rfGrid() {
        return Presets.named("rf-grid");
    }

    /**
     * Six lifecycle groups (k = 5): Loyal, Loyal at Risk, Potential Loyal, New, About to Sleep,
     * Sleepers.
     *
     * @return the scheme
     */
    public static SegmentScheme lifecycleSix() {
        return Presets.named("lifecycle-six");
    }

    /**
     * Four stages for a first automation programme (k = 5): Lost (R1), At Risk (R2), Frequent
     * (F>=4), Typical (everything else).
     *
     * @return the scheme
     */
    public static SegmentScheme fourStage() {
        return Presets.named("four-stage");
    }

    /**
     * Every built-in scheme: {@code twelve}, {@code classic-eleven}, {@code rfm-package},
     * {@code rf-grid}, {@code lifecycle-six}, {@code four-stage}.
     *
     * @return the schemes, in that order
     */
    public static List<SegmentScheme> builtIn() {
        return Presets.all();
    }

    /**
     * A built-in scheme by name.
     *
     * @param name the name, such as {@code classic-eleven}
     * @return the scheme, or empty if no built-in scheme has that name
     */
    public static Optional<SegmentScheme> builtIn(String name) {
        return Optional.ofNullable(Presets.named(Objects.requireNonNull(name, "name")));
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
     * The segments that some cell maps to, then those the scheme's overlay can move customers to.
     *
     * @return the segments, each once
     */
    public List<Segment> segmentsWithOverlay() {
        List<Segment> all = new ArrayList<>(segments);
        overlay.targets().stream().filter(t -> !all.contains(t)).forEach(all::add);
        return List.copyOf(all);
    }

    /** What building found: rule use, rules that never fire, cells left to the fallback. */
    public SchemeValidation validation() {
        return validation;
    }

    /**
     * The engagement overlay that goes with the scheme: {@code LOST} to {@code LOST_BUT_ENGAGED} for
     * the built-in schemes with a {@code LOST} segment, none for the others unless set.
     *
     * @return the overlay
     */
    public EngagementOverlay overlay() {
        return overlay;
    }

    /** The texts of the scheme's segments (English and German for the built-in schemes). */
    public SegmentTexts texts() {
        return texts;
    }

    /**
     * The text of a segment in a language, falling back to English.
     *
     * @param segment the segment
     * @param locale the language
     * @return the text, or empty if the scheme has none for the segment
     */
    public Optional<SegmentText> text(Segment segment, Locale locale) {
        return texts.get(segment.id(), locale);
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

    /**
     * Collects the rules of a scheme. Rules are tried in the order they are added; the first that
     * matches a score wins.
     */
    public static final class Builder {
        private final String name;
        private final int k;
        private final List<SegmentRule> rules = new ArrayList<>();
        private Segment fallback;
        private EngagementOverlay overlay = EngagementOverlay.none();
        private SegmentTexts texts = SegmentTexts.none();

        private Builder(String name, int k) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("scheme name must not be blank");
            }
            if (k < 2 || k > RfmScore.MAX_BINS) {
                throw new IllegalArgumentException("bins must be between 2 and " + RfmScore.MAX_BINS + " (was " + k + ")");
            }
            this.name = name;
            this.k = k;
        }

        /**
         * Adds a rule of boxes, such as {@code rule(Segment.CHAMPIONS, "R4-5 F>=4 M>=4")}: the rule
         * matches a score that any of the boxes holds (see {@link ScoreBox#parse}).
         *
         * @param segment the segment
         * @param boxes the boxes in notation, at least one
         * @return this builder
         * @throws IllegalArgumentException if a box is malformed or there is none
         */
        public Builder rule(Segment segment, String... boxes) {
            return rule(SegmentRule.boxes(segment, boxes));
        }

        /**
         * Adds a rule of explicit cells, such as {@code cells(Segment.CHAMPIONS, "555", "554")}.
         *
         * @param segment the segment
         * @param codes the cell codes, at least one
         * @return this builder
         * @throws IllegalArgumentException if a code is malformed or there is none
         */
        public Builder cells(Segment segment, String... codes) {
            return rule(SegmentRule.cells(segment, codes));
        }

        /**
         * Adds a rule of a condition, such as {@code where(vip, "r + f + m >= 13")} (see
         * {@link ScoreCondition#parse}).
         *
         * @param segment the segment
         * @param expression the condition
         * @return this builder
         * @throws IllegalArgumentException if the expression is malformed
         */
        public Builder where(Segment segment, String expression) {
            return rule(SegmentRule.where(segment, ScoreCondition.parse(expression)));
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
         * Sets the segment of scores no rule matches.
         *
         * @param segment the fallback segment
         * @return this builder
         */
        public Builder fallback(Segment segment) {
            this.fallback = Objects.requireNonNull(segment, "segment");
            return this;
        }

        /**
         * Sets the engagement overlay that goes with the scheme (default: none).
         *
         * @param overlay the overlay
         * @return this builder
         */
        public Builder overlay(EngagementOverlay overlay) {
            this.overlay = Objects.requireNonNull(overlay, "overlay");
            return this;
        }

        /**
         * Sets the texts of the scheme's segments (default: none).
         *
         * @param texts the texts
         * @return this builder
         */
        public Builder texts(SegmentTexts texts) {
            this.texts = Objects.requireNonNull(texts, "texts");
            return this;
        }

        /**
         * Validates and compiles the scheme; {@link SegmentScheme#validation()} then reports the rules
         * that never fire and the cells left to the fallback.
         *
         * @return the scheme
         * @throws IllegalArgumentException if there is no rule and no fallback, a bound exceeds k, a
         *     rule matches no cell, two segments share an id but not a display name, or some cells
         *     match no rule and there is no fallback; the message names the rule and what is wrong
         */
        public SegmentScheme build() {
            if (rules.isEmpty() && fallback == null) {
                throw new IllegalArgumentException("scheme " + name + " has no rule");
            }
            for (int i = 0; i < rules.size(); i++) {
                SegmentRule rule = rules.get(i);
                int number = i + 1;
                rule.boundBeyond(k).ifPresent(problem -> {
                    throw new IllegalArgumentException(ruleName(number, rule) + ": " + problem + " (the scheme has "
                            + k + " bins)");
                });
            }
            checkDistinctIds();
            int cells = k * k * k;
            int[] matched = new int[rules.size()];
            int[] claimed = new int[rules.size()];
            List<Segment> segments = new ArrayList<>();
            byte[] table = new byte[cells];
            List<RfmScore> unmatched = new ArrayList<>();
            for (int cell = 0; cell < cells; cell++) {
                RfmScore score = RfmScore.ofCell(cell, k);
                Segment s = null;
                for (int i = 0; i < rules.size(); i++) {
                    if (rules.get(i).matches(score)) {
                        matched[i]++;
                        if (s == null) {
                            claimed[i]++;
                            s = rules.get(i).segment();
                        }
                    }
                }
                if (s == null) {
                    unmatched.add(score);
                    s = fallback;
                }
                if (s != null) {
                    table[cell] = (byte) indexOf(segments, s);
                }
            }
            List<SchemeValidation.RuleUse> uses = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                if (matched[i] == 0) {
                    throw new IllegalArgumentException(ruleName(i + 1, rules.get(i)) + " matches no cell of a "
                            + k + "-bin scheme");
                }
                uses.add(new SchemeValidation.RuleUse(i + 1, rules.get(i), matched[i], claimed[i]));
            }
            if (!unmatched.isEmpty() && fallback == null) {
                throw new IllegalArgumentException("scheme " + name + " matches no rule for " + unmatched.size()
                        + " cells and has no fallback: " + String.join(", ",
                                unmatched.stream().limit(20).map(RfmScore::code).toList())
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
            return new SegmentScheme(this, ordered, renumbered, new SchemeValidation(k, uses, unmatched));
        }

        private String ruleName(int number, SegmentRule rule) {
            return "scheme " + name + ", rule " + number + " (" + rule + ")";
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
            int i = segments.indexOf(s);
            if (i >= 0) {
                return i;
            }
            if (segments.size() == 127) {
                throw new IllegalArgumentException("scheme " + name + " has more than 127 segments");
            }
            segments.add(s);
            return segments.size() - 1;
        }
    }
}
