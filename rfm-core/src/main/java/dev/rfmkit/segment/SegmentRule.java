package dev.rfmkit.segment;

import dev.rfmkit.score.RfmScore;
import java.util.List;
import java.util.Objects;

/**
 * A rule of a segment scheme: a segment and the boxes of cells it claims (their union).
 *
 * @param segment the segment the rule assigns
 * @param boxes the boxes; a score matches the rule if any box holds it
 */
public record SegmentRule(Segment segment, List<ScoreBox> boxes) {
    /**
     * Checks and copies the components.
     *
     * @throws IllegalArgumentException if there is no box
     */
    public SegmentRule {
        Objects.requireNonNull(segment, "segment");
        boxes = List.copyOf(boxes);
        if (boxes.isEmpty()) {
            throw new IllegalArgumentException("rule for " + segment.id() + " has no box");
        }
    }

    /**
     * Whether the rule matches a score.
     *
     * @param score the score
     * @return true if a box holds it
     */
    public boolean matches(RfmScore score) {
        for (ScoreBox b : boxes) {
            if (b.contains(score)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(segment.id()).append(": ");
        for (int i = 0; i < boxes.size(); i++) {
            sb.append(i == 0 ? "" : " or ").append(boxes.get(i));
        }
        return sb.toString();
    }
}
