package dev.rfmkit.segment;

import dev.rfmkit.score.RfmScore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A rule of a segment scheme: a segment and the scores it claims, in one of three forms that all
 * compile to the same lookup table:
 *
 * <ul>
 *   <li>{@link Form#BOXES}: score boxes, inclusive ranges per dimension such as {@code R4-5 F>=4}
 *       (the rule matches a score any box holds);
 *   <li>{@link Form#CELLS}: an explicit list of cells such as {@code 555, 554};
 *   <li>{@link Form#CONDITION}: a {@link ScoreCondition}, such as {@code r + f + m >= 12}.
 * </ul>
 *
 * <p>Immutable and safe to share between threads.
 */
public final class SegmentRule {
    /** The form of a rule. */
    public enum Form {
        /** Inclusive ranges per dimension. */
        BOXES,
        /** An explicit list of cells. */
        CELLS,
        /** A condition on the scores. */
        CONDITION
    }

    private static final Comparator<RfmScore> CELL_ORDER = Comparator.comparingInt(RfmScore::r)
            .thenComparingInt(RfmScore::f).thenComparingInt(RfmScore::m);

    private final Segment segment;
    private final Form form;
    private final List<ScoreBox> boxes;
    private final List<RfmScore> cells;
    private final ScoreCondition condition;

    private SegmentRule(Segment segment, Form form, List<ScoreBox> boxes, List<RfmScore> cells,
            ScoreCondition condition) {
        this.segment = Objects.requireNonNull(segment, "segment");
        this.form = form;
        this.boxes = boxes;
        this.cells = cells;
        this.condition = condition;
    }

    /**
     * A rule that matches the scores any of its boxes holds.
     *
     * @param segment the segment
     * @param boxes the boxes, at least one
     * @return the rule
     * @throws IllegalArgumentException if there is no box
     */
    public static SegmentRule boxes(Segment segment, List<ScoreBox> boxes) {
        List<ScoreBox> copy = List.copyOf(boxes);
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("rule for " + segment.id() + " has no box");
        }
        return new SegmentRule(segment, Form.BOXES, copy, List.of(), null);
    }

    /**
     * A rule of boxes in notation, such as {@code "R4-5 F>=4 M>=4"} (see {@link ScoreBox#parse}); an
     * empty string is a box that holds every score.
     *
     * @param segment the segment
     * @param boxes the boxes, at least one
     * @return the rule
     * @throws IllegalArgumentException if there is no box or one is malformed
     */
    public static SegmentRule boxes(Segment segment, String... boxes) {
        List<ScoreBox> parsed = new ArrayList<>();
        for (String box : boxes) {
            parsed.add(ScoreBox.parse(box));
        }
        return boxes(segment, parsed);
    }

    /**
     * A rule that matches exactly the listed cells.
     *
     * @param segment the segment
     * @param cells the cells, at least one; repeats are merged
     * @return the rule
     * @throws IllegalArgumentException if there is no cell
     */
    public static SegmentRule cells(Segment segment, Collection<RfmScore> cells) {
        TreeSet<RfmScore> sorted = new TreeSet<>(CELL_ORDER.reversed());
        sorted.addAll(cells);
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("rule for " + segment.id() + " lists no cell");
        }
        return new SegmentRule(segment, Form.CELLS, List.of(), List.copyOf(sorted), null);
    }

    /**
     * A rule of cells given as codes, such as {@code "555", "554"} (with 10 bins, {@code "10-9-10"}).
     *
     * @param segment the segment
     * @param codes the cell codes, at least one
     * @return the rule
     * @throws IllegalArgumentException if there is no cell or a code is malformed
     */
    public static SegmentRule cells(Segment segment, String... codes) {
        List<RfmScore> cells = new ArrayList<>();
        for (String code : codes) {
            cells.add(parseCell(code));
        }
        return cells(segment, cells);
    }

    /**
     * A rule that matches the scores meeting a condition.
     *
     * @param segment the segment
     * @param condition the condition
     * @return the rule
     */
    public static SegmentRule where(Segment segment, ScoreCondition condition) {
        return new SegmentRule(segment, Form.CONDITION, List.of(), List.of(), Objects.requireNonNull(condition));
    }

    /**
     * Parses a cell code: three digits such as {@code 545}, or three numbers joined by {@code -} such
     * as {@code 10-9-10}.
     *
     * @param code the code
     * @return the score
     * @throws IllegalArgumentException if the code is malformed
     */
    public static RfmScore parseCell(String code) {
        String c = code.strip();
        try {
            if (c.matches("[1-9]{3}")) {
                return RfmScore.of(c.charAt(0) - '0', c.charAt(1) - '0', c.charAt(2) - '0');
            }
            if (c.matches("\\d{1,2}-\\d{1,2}-\\d{1,2}")) {
                String[] parts = c.split("-");
                return RfmScore.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cell \"" + code + "\": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("cell \"" + code + "\" is not a code such as 545 or 10-9-10");
    }

    /** The segment the rule assigns. */
    public Segment segment() {
        return segment;
    }

    /** The rule's form. */
    public Form form() {
        return form;
    }

    /** The boxes of a {@link Form#BOXES} rule; empty for other forms. */
    public List<ScoreBox> boxes() {
        return boxes;
    }

    /** The cells of a {@link Form#CELLS} rule, from the highest code down; empty for other forms. */
    public List<RfmScore> cells() {
        return cells;
    }

    /** The condition of a {@link Form#CONDITION} rule. */
    public Optional<ScoreCondition> condition() {
        return Optional.ofNullable(condition);
    }

    /**
     * Whether the rule matches a score.
     *
     * @param score the score
     * @return true if it does
     */
    public boolean matches(RfmScore score) {
        return switch (form) {
            case BOXES -> boxes.stream().anyMatch(b -> b.contains(score));
            case CELLS -> cells.contains(score);
            case CONDITION -> condition.test(score);
        };
    }

    /**
     * The first explicit bound beyond k, for validation.
     *
     * @param k the scheme's k
     * @return a description of the bound, or empty if every explicit bound is within 1..k
     */
    Optional<String> boundBeyond(int k) {
        for (ScoreBox b : boxes) {
            if (b.highestExplicitBound() > k) {
                return Optional.of("box " + b + " bounds a score above " + k);
            }
        }
        for (RfmScore c : cells) {
            if (c.r() > k || c.f() > k || c.m() > k) {
                return Optional.of("cell " + c.code() + " has a score above " + k);
            }
        }
        return Optional.empty();
    }

    /** The rule's condition in words: its boxes, cells or condition. */
    public String describe() {
        return switch (form) {
            case BOXES -> String.join(" or ", boxes.stream().map(ScoreBox::toString).toList());
            case CELLS -> "cells " + String.join(", ", cells.stream().map(RfmScore::code).toList());
            case CONDITION -> "where " + condition;
        };
    }

    /** Rules are equal when segment, form and content are; conditions compare as {@link ScoreCondition#equals}. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentRule other && segment.equals(other.segment) && form == other.form
                && boxes.equals(other.boxes) && cells.equals(other.cells) && Objects.equals(condition, other.condition);
    }

    @Override
    public int hashCode() {
        return Objects.hash(segment, form, boxes, cells, condition);
    }

    @Override
    public String toString() {
        return segment.id() + ": " + describe();
    }
}
