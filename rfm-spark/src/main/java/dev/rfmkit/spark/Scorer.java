package dev.rfmkit.spark;

import dev.rfmkit.jackson.ModelJson;
import dev.rfmkit.score.RfmScore;
import dev.rfmkit.score.ScoringModel;
import dev.rfmkit.segment.Segment;
import dev.rfmkit.segment.SegmentScheme;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A fitted model and a scheme's classification, in the form the driver broadcasts to the tasks: the
 * model as its JSON file (read back once per task), the scheme as its cell lookup table.
 */
final class Scorer implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String modelJson;
    private final int k;
    private final byte[] segmentOfCell;
    private final String[] segmentIds;
    private transient ScoringModel model;

    Scorer(ScoringModel model, SegmentScheme scheme, List<Segment> segments) {
        this.modelJson = ModelJson.toJson(model);
        this.k = model.bins();
        this.segmentOfCell = scheme.lookupTable();
        this.segmentIds = segments.stream().map(Segment::id).toArray(String[]::new);
        this.model = model;
    }

    /** The model, read back from its JSON where the scorer was deserialized. */
    ScoringModel model() {
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

    int bins() {
        return k;
    }

    /** The score of a customer. */
    RfmScore score(int recencyDays, int frequency, double monetary) {
        return model().score(recencyDays, frequency, monetary);
    }

    /** The segment id of a score. */
    String segmentId(RfmScore score) {
        return segmentIds[segmentOfCell[score.cell(k)]];
    }
}
