package dev.rfmkit.spark;

import dev.rfmkit.jackson.ModelJson;
import dev.rfmkit.score.RfmScore;
import dev.rfmkit.score.ScoringModel;
import dev.rfmkit.segment.EngagementFacts;
import dev.rfmkit.segment.EngagementOverlay;
import dev.rfmkit.segment.RecentActivity;
import dev.rfmkit.segment.Segment;
import dev.rfmkit.segment.SegmentScheme;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A fitted model, a scheme's classification and an engagement overlay, in the form the driver
 * broadcasts to the tasks: the model as its JSON file (read back once per task), the scheme as its
 * cell lookup table, the overlay as its rules' segments and windows.
 */
final class Scorer implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String modelJson;
    private final int k;
    private final byte[] segmentOfCell;
    private final String[] segmentIds;
    private final String[] segmentNames;
    private final List<OverlayRule> overlayRules;
    private final LocalDate asOf;
    private transient ScoringModel model;
    private transient EngagementOverlay overlay;

    /** An overlay rule that moves engaged customers from one segment to another (a class: Kryo cannot write records). */
    private static final class OverlayRule implements Serializable {
        private static final long serialVersionUID = 1L;
        final String fromId;
        final String fromName;
        final int clickWindowDays;
        final int visitWindowDays;
        final String toId;
        final String toName;

        OverlayRule(String fromId, String fromName, int clickWindowDays, int visitWindowDays, String toId,
                String toName) {
            this.fromId = fromId;
            this.fromName = fromName;
            this.clickWindowDays = clickWindowDays;
            this.visitWindowDays = visitWindowDays;
            this.toId = toId;
            this.toName = toName;
        }
    }

    /**
     * A scorer.
     *
     * @throws IllegalArgumentException if an overlay rule tests something other than recent activity,
     *     which cannot travel to the tasks
     */
    Scorer(ScoringModel model, SegmentScheme scheme, List<Segment> segments, EngagementOverlay overlay,
            LocalDate asOf) {
        this.modelJson = ModelJson.toJson(model);
        this.k = model.bins();
        this.segmentOfCell = scheme.lookupTable();
        this.segmentIds = segments.stream().map(Segment::id).toArray(String[]::new);
        this.segmentNames = segments.stream().map(Segment::displayName).toArray(String[]::new);
        this.overlayRules = new ArrayList<>();
        for (EngagementOverlay.Rule rule : overlay.rules()) {
            if (!(rule.when() instanceof RecentActivity a)) {
                throw new IllegalArgumentException("on Spark, overlay rules test recent activity only (was "
                        + rule.when() + ")");
            }
            overlayRules.add(new OverlayRule(rule.from().id(), rule.from().displayName(), a.clickWindowDays(),
                    a.visitWindowDays(), rule.to().id(), rule.to().displayName()));
        }
        this.asOf = asOf;
        this.model = model;
        this.overlay = overlay;
    }

    /** The model, read back from its JSON where the scorer was deserialized. */
    private ScoringModel model() {
        if (model == null) {
            try {
                model = ModelJson.read(new ByteArrayInputStream(modelJson.getBytes(StandardCharsets.UTF_8)),
                        "the broadcast model");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return model;
    }

    private EngagementOverlay overlay() {
        if (overlay == null) {
            List<EngagementOverlay.Rule> rules = new ArrayList<>();
            for (OverlayRule r : overlayRules) {
                rules.add(new EngagementOverlay.Rule(new Segment(r.fromId, r.fromName),
                        new RecentActivity(r.clickWindowDays, r.visitWindowDays), new Segment(r.toId, r.toName)));
            }
            overlay = EngagementOverlay.of(rules);
        }
        return overlay;
    }

    /** The number of bins k. */
    int bins() {
        return k;
    }

    /** The score of a customer. */
    RfmScore score(int recencyDays, int frequency, double monetary) {
        return model().score(recencyDays, frequency, monetary);
    }

    /**
     * The segment of a score, after the overlay when the customer has engagement facts.
     *
     * @param score the score
     * @param facts the customer's facts, or empty if engagement data is not used or lists it not
     * @return the segment id
     */
    String segmentId(RfmScore score, Optional<EngagementFacts> facts) {
        int index = segmentOfCell[score.cell(k)];
        if (facts.isEmpty() || overlayRules.isEmpty()) {
            return segmentIds[index];
        }
        return overlay().apply(new Segment(segmentIds[index], segmentNames[index]), facts, asOf).id();
    }
}
