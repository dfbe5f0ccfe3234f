package dev.rfmkit.jackson;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.rfmkit.ScoredCustomer;
import dev.rfmkit.SegmentCount;
import dev.rfmkit.order.IngestionReport;
import dev.rfmkit.score.KMeansModel;
import dev.rfmkit.score.RfmScore;
import dev.rfmkit.score.ScoringModel;
import dev.rfmkit.segment.Segment;
import dev.rfmkit.segment.SegmentScheme;
import java.io.IOException;
import java.util.function.BiFunction;

/**
 * The Jackson module for rfmkit's types: fitted models of every strategy (a {@code type} from a
 * closed set and a {@code formatVersion}, never a Java class name; see {@link ModelJson}), segment
 * schemes (the {@code rfmkit-scheme} format of {@link SchemeJson}), RFM scores, segments, scored
 * customers, segment counts and ingestion reports; and, when the optional rfm-clv module is on the
 * class path, its BG/NBD and Gamma-Gamma models ({@code type} {@code bg-nbd} and {@code gamma-gamma}). rfm-core carries no annotations: records are
 * ordered by mix-ins, the rest has its own serializers.
 *
 * <p>Register it explicitly ({@code mapper.registerModule(new RfmModule())}) or let
 * {@code ObjectMapper.findAndRegisterModules()} find it through {@code META-INF/services}. For
 * untrusted input prefer {@link #newMapper()}: no default typing, and limits on document size,
 * nesting depth and number length.
 *
 * <p>Reading models and schemes validates them fully (ascending cut points, k consistent, finite
 * numbers, declared segment ids); a failure is a {@link JsonMappingException} whose message names
 * the JSON path.
 */
public final class RfmModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** The largest document {@link #newMapper()} reads: 16 MiB. */
    public static final long MAX_DOCUMENT_LENGTH = 16L << 20;
    /** The deepest nesting {@link #newMapper()} reads. */
    public static final int MAX_NESTING_DEPTH = 64;
    /** The longest number {@link #newMapper()} reads, in characters. */
    public static final int MAX_NUMBER_LENGTH = 100;

    /** Creates the module. */
    public RfmModule() {
        super("rfmkit", Version.unknownVersion());
        addSerializer(ScoringModel.class, new TreeSerializer<>(ModelTree::toTree));
        addDeserializer(ScoringModel.class, new TreeDeserializer<>((tree, path) -> ModelTree.fromTree(tree, path)));
        addDeserializer(KMeansModel.class, new TreeDeserializer<>((tree, path) -> {
            ScoringModel m = ModelTree.fromTree(tree, path);
            if (m instanceof KMeansModel k) {
                return k;
            }
            throw new ModelFileException((path.isEmpty() ? "" : path + ": ") + "expected a kmeans model, found "
                    + m.strategy());
        }));
        addSerializer(SegmentScheme.class, new TreeSerializer<>(SchemeJson::toTree));
        addDeserializer(SegmentScheme.class, new TreeDeserializer<>((tree, path) -> SchemeJson.fromTree(tree,
                path.isEmpty() ? "scheme" : path)));
        addSerializer(IngestionReport.class, new TreeSerializer<>(ReportTree::toTree));
        addDeserializer(IngestionReport.class, new TreeDeserializer<>(ReportTree::fromTree));
        if (clvPresent()) {
            ClvCodecs.register(this);
        }
        setMixInAnnotation(RfmScore.class, RfmScoreOrder.class);
        setMixInAnnotation(Segment.class, SegmentOrder.class);
        setMixInAnnotation(SegmentCount.class, SegmentCountOrder.class);
        setMixInAnnotation(ScoredCustomer.class, ScoredCustomerOrder.class);
    }

    /** Whether the optional rfm-clv module is on the class path. */
    private static boolean clvPresent() {
        try {
            Class.forName("dev.rfmkit.clv.BgNbd", false, RfmModule.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The lifetime-value models' codecs, in a class of their own so that nothing loads them without rfm-clv. */
    private static final class ClvCodecs {
        static void register(RfmModule m) {
            m.addSerializer(dev.rfmkit.clv.BgNbd.class, new TreeSerializer<>(ClvTree::toTree));
            m.addDeserializer(dev.rfmkit.clv.BgNbd.class, new TreeDeserializer<>(ClvTree::bgNbd));
            m.addSerializer(dev.rfmkit.clv.GammaGamma.class, new TreeSerializer<>(ClvTree::toTree));
            m.addDeserializer(dev.rfmkit.clv.GammaGamma.class, new TreeDeserializer<>(ClvTree::gammaGamma));
        }
    }

    /**
     * A mapper with this module, safe for untrusted input: no default typing, duplicate keys and
     * trailing content refused, and the limits of this class on document size (which bounds strings
     * too), nesting and numbers.
     *
     * @return a new mapper
     */
    public static ObjectMapper newMapper() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxStringLength((int) MAX_DOCUMENT_LENGTH)
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return new ObjectMapper(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .registerModule(new RfmModule());
    }

    @JsonPropertyOrder({"r", "f", "m"})
    private abstract static class RfmScoreOrder {
    }

    @JsonPropertyOrder({"id", "displayName"})
    private abstract static class SegmentOrder {
    }

    @JsonPropertyOrder({"segment", "customers", "orders", "revenue"})
    private abstract static class SegmentCountOrder {
    }

    @JsonPropertyOrder({"customerId", "recencyDays", "frequency", "monetary", "totalAmount", "score", "segment"})
    private abstract static class ScoredCustomerOrder {
    }

    /** Writes a value through its JSON tree. */
    private static final class TreeSerializer<T> extends JsonSerializer<T> {
        private final java.util.function.Function<T, JsonNode> toTree;

        TreeSerializer(java.util.function.Function<T, JsonNode> toTree) {
            this.toTree = toTree;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            JsonNode tree;
            try {
                tree = toTree.apply(value);
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(serializers, e.getMessage(), e);
            }
            serializers.defaultSerializeValue(tree, gen);
        }
    }

    /** Reads a value from its JSON tree; errors name the path of the value within the document. */
    private static final class TreeDeserializer<T> extends JsonDeserializer<T> {
        private final BiFunction<JsonNode, String, T> fromTree;

        TreeDeserializer(BiFunction<JsonNode, String, T> fromTree) {
            this.fromTree = fromTree;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String path = p.getParsingContext().pathAsPointer().toString();
            JsonNode tree = ctxt.readTree(p);
            try {
                return fromTree.apply(tree, path.isEmpty() ? "" : path.substring(1).replace('/', '.'));
            } catch (IllegalArgumentException e) {
                throw JsonMappingException.from(p, e.getMessage(), e);
            }
        }
    }
}
