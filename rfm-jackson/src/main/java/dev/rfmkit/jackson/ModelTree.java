package dev.rfmkit.jackson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rfmkit.score.Clusters;
import dev.rfmkit.score.Dimension;
import dev.rfmkit.score.KMeansModel;
import dev.rfmkit.score.KMeansTransform;
import dev.rfmkit.score.ScoringModel;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Fitted models as JSON trees, format version {@value #VERSION}: {@code formatVersion}, {@code type}
 * (the strategy name, one of a closed set), {@code bins}, and per dimension ({@code recency},
 * {@code frequency}, {@code monetary}) either {@code cutPoints} and {@code levelsInUse} or, for
 * {@code kmeans} (which also has a {@code transform}), its {@code clusters}. Reading checks every
 * field and throws {@link ModelFileException} naming the JSON path.
 */
final class ModelTree {
    static final int VERSION = 1;
    static final List<String> TYPES = List.of("quantile", "equal-count", "kmeans", "fixed", "rfm-package");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> CUT_FIELDS = Set.of("formatVersion", "type", "bins", "recency", "frequency",
            "monetary");
    private static final Set<String> KMEANS_FIELDS = Set.of("formatVersion", "type", "bins", "transform", "recency",
            "frequency", "monetary");
    private static final Set<String> CUT_DIMENSION_FIELDS = Set.of("cutPoints", "levelsInUse");
    private static final Set<String> CLUSTER_FIELDS = Set.of("centre", "lower", "upper", "size", "sumOfSquares");

    private ModelTree() {
    }

    static String field(Dimension d) {
        return d.name().toLowerCase(Locale.ROOT);
    }

    static ObjectNode toTree(ScoringModel model) {
        ObjectNode root = NODES.objectNode();
        root.put("formatVersion", VERSION);
        root.put("type", model.strategy());
        root.put("bins", model.bins());
        if (model instanceof KMeansModel k) {
            root.put("transform", k.transform().id());
            for (Dimension d : Dimension.values()) {
                Clusters c = k.clusters(d);
                ArrayNode list = root.putObject(field(d)).putArray("clusters");
                for (int i = 0; i < c.count(); i++) {
                    ObjectNode cluster = list.addObject();
                    cluster.put("centre", c.centre(i));
                    cluster.put("lower", c.lowerBound(i));
                    cluster.put("upper", c.upperBound(i));
                    cluster.put("size", c.size(i));
                    cluster.put("sumOfSquares", c.sumOfSquares(i));
                }
            }
            return root;
        }
        if (!TYPES.contains(model.strategy())) {
            throw new IllegalArgumentException("a model of strategy " + model.strategy() + " has no JSON form");
        }
        for (Dimension d : Dimension.values()) {
            ObjectNode dim = root.putObject(field(d));
            ArrayNode cuts = dim.putArray("cutPoints");
            for (double c : model.cutPoints(d)) {
                if (Double.isFinite(c)) {
                    cuts.add(c);
                } else {
                    cuts.add(c > 0 ? "Infinity" : "-Infinity");
                }
            }
            ArrayNode levels = dim.putArray("levelsInUse");
            model.levelsInUse(d).forEach(levels::add);
        }
        return root;
    }

    static ScoringModel fromTree(JsonNode root, String path) {
        Reader r = new Reader(path);
        r.object(root, "");
        int version = r.integer(root, "", "formatVersion");
        if (version > VERSION) {
            throw r.error("formatVersion", "version " + version + " is newer than this version of rfmkit reads ("
                    + VERSION + "); upgrade rfmkit to read it");
        }
        if (version < 1) {
            throw r.error("formatVersion", "must be 1 or more (was " + version + ")");
        }
        String type = r.text(root, "", "type");
        if (!TYPES.contains(type)) {
            throw r.error("type", "unknown model type \"" + type + "\"; expected one of " + String.join(", ", TYPES));
        }
        int bins = r.integer(root, "", "bins");
        if (bins < 2 || bins > 10) {
            throw r.error("bins", "must be between 2 and 10 (was " + bins + ")");
        }
        return type.equals("kmeans") ? r.kmeans(root, bins) : r.cutPoints(root, type, bins);
    }

    /** Checks with paths; path is the location of the model within its document ("" at the root). */
    private static final class Reader {
        private final String base;

        Reader(String base) {
            this.base = base;
        }

        ScoringModel cutPoints(JsonNode root, String type, int bins) {
            fields(root, "", CUT_FIELDS);
            Map<Dimension, double[]> cuts = new EnumMap<>(Dimension.class);
            Map<Dimension, List<Integer>> levels = new EnumMap<>(Dimension.class);
            for (Dimension d : Dimension.values()) {
                String at = field(d);
                JsonNode node = required(root, "", at);
                object(node, at);
                fields(node, at, CUT_DIMENSION_FIELDS);
                JsonNode list = array(node, at, "cutPoints");
                String listPath = at + ".cutPoints";
                if (list.size() != bins - 1) {
                    throw error(listPath, bins + " bins need " + (bins - 1) + " cut points (has " + list.size() + ")");
                }
                double[] c = new double[list.size()];
                for (int i = 0; i < c.length; i++) {
                    c[i] = cutPoint(list.get(i), listPath + "[" + i + "]", type.equals("equal-count"));
                    boolean strict = type.equals("fixed");
                    if (i > 0 && (strict ? c[i] <= c[i - 1] : c[i] < c[i - 1])) {
                        throw error(listPath + "[" + i + "]", "cut points must be " + (strict ? "strictly " : "")
                                + "ascending (" + c[i - 1] + " then " + c[i] + ")");
                    }
                }
                JsonNode used = array(node, at, "levelsInUse");
                List<Integer> l = new ArrayList<>();
                for (int i = 0; i < used.size(); i++) {
                    String p = at + ".levelsInUse[" + i + "]";
                    JsonNode v = used.get(i);
                    if (!v.isInt() || v.intValue() < 1 || v.intValue() > bins) {
                        throw error(p, "should be a score level between 1 and " + bins + " (was " + v + ")");
                    }
                    if (!l.isEmpty() && v.intValue() <= l.get(l.size() - 1)) {
                        throw error(p, "levels must be strictly ascending (" + l.get(l.size() - 1) + " then " + v + ")");
                    }
                    l.add(v.intValue());
                }
                if (l.isEmpty()) {
                    throw error(at + ".levelsInUse", "should list at least one level");
                }
                cuts.put(d, c);
                levels.put(d, l);
            }
            try {
                return ScoringModel.ofCutPoints(type, bins, cuts, levels);
            } catch (IllegalArgumentException e) {
                throw error("", e.getMessage());
            }
        }

        ScoringModel kmeans(JsonNode root, int bins) {
            fields(root, "", KMEANS_FIELDS);
            String t = text(root, "", "transform");
            KMeansTransform transform;
            try {
                transform = KMeansTransform.of(t);
            } catch (IllegalArgumentException e) {
                throw error("transform", "should be none or log1p (was \"" + t + "\")");
            }
            Map<Dimension, Clusters> clusters = new EnumMap<>(Dimension.class);
            for (Dimension d : Dimension.values()) {
                String at = field(d);
                JsonNode node = required(root, "", at);
                object(node, at);
                fields(node, at, Set.of("clusters"));
                JsonNode list = array(node, at, "clusters");
                int n = list.size();
                if (n < 1 || n > bins) {
                    throw error(at + ".clusters", "should hold 1 to " + bins + " clusters (has " + n + ")");
                }
                double[] centres = new double[n];
                double[] lower = new double[n];
                double[] upper = new double[n];
                long[] sizes = new long[n];
                double[] ss = new double[n];
                for (int i = 0; i < n; i++) {
                    String p = at + ".clusters[" + i + "]";
                    JsonNode c = list.get(i);
                    object(c, p);
                    fields(c, p, CLUSTER_FIELDS);
                    centres[i] = number(c, p, "centre");
                    lower[i] = number(c, p, "lower");
                    upper[i] = number(c, p, "upper");
                    ss[i] = number(c, p, "sumOfSquares");
                    JsonNode size = required(c, p, "size");
                    if (!size.canConvertToLong() || !size.isIntegralNumber() || size.longValue() < 1) {
                        throw error(p + ".size", "should be a whole number, 1 or more (was " + size + ")");
                    }
                    sizes[i] = size.longValue();
                }
                try {
                    clusters.put(d, Clusters.of(centres, lower, upper, sizes, ss));
                } catch (IllegalArgumentException e) {
                    throw error(at + ".clusters", e.getMessage());
                }
            }
            try {
                return KMeansModel.of(bins, transform, clusters);
            } catch (IllegalArgumentException e) {
                throw error("", e.getMessage());
            }
        }

        private double cutPoint(JsonNode v, String p, boolean infiniteAllowed) {
            if (v.isNumber()) {
                double d = v.doubleValue();
                if (Double.isFinite(d)) {
                    return d;
                }
            } else if (infiniteAllowed && v.isTextual()
                    && (v.textValue().equals("Infinity") || v.textValue().equals("-Infinity"))) {
                return v.textValue().startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            throw error(p, "should be a finite number" + (infiniteAllowed ? " or \"Infinity\" or \"-Infinity\"" : "")
                    + " (was " + v + ")");
        }

        private double number(JsonNode node, String path, String field) {
            JsonNode v = required(node, path, field);
            if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
                throw error(join(path, field), "should be a finite number (was " + v + ")");
            }
            return v.doubleValue();
        }

        int integer(JsonNode node, String path, String field) {
            JsonNode v = required(node, path, field);
            if (!v.isInt()) {
                throw error(join(path, field), "should be a whole number (was " + v + ")");
            }
            return v.intValue();
        }

        String text(JsonNode node, String path, String field) {
            JsonNode v = required(node, path, field);
            if (!v.isTextual()) {
                throw error(join(path, field), "should be a string (was " + v + ")");
            }
            return v.textValue();
        }

        private JsonNode array(JsonNode node, String path, String field) {
            JsonNode v = required(node, path, field);
            if (!v.isArray()) {
                throw error(join(path, field), "should be an array");
            }
            return v;
        }

        private JsonNode required(JsonNode node, String path, String field) {
            JsonNode v = node.get(field);
            if (v == null || v.isNull()) {
                throw error(join(path, field), "is missing");
            }
            return v;
        }

        void object(JsonNode node, String path) {
            if (node == null || !node.isObject()) {
                throw error(path, "should be an object");
            }
        }

        private void fields(JsonNode node, String path, Set<String> allowed) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
                String name = it.next();
                if (!allowed.contains(name)) {
                    throw error(join(path, name), "unknown field; allowed here: " + String.join(", ",
                            new java.util.TreeSet<>(allowed)));
                }
            }
        }

        private static String join(String path, String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        ModelFileException error(String path, String message) {
            String at = join(base, path);
            return new ModelFileException((at.isEmpty() ? "" : at + ": ") + message);
        }
    }
}
