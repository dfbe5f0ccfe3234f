package dev.rfmkit.jackson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rfmkit.clv.BgNbd;
import dev.rfmkit.clv.GammaGamma;
import java.util.Iterator;
import java.util.Set;

/**
 * The lifetime-value models as JSON trees, format version {@value #VERSION}: {@code type}
 * {@code bg-nbd} (r, alpha, a, b) or {@code gamma-gamma} (p, q, gamma), with the log-likelihood, the
 * customers fitted and, for Gamma-Gamma, those left out for zero spend and the correlation of x and
 * m ({@code null} where unknown). Only loaded when rfm-clv is on the class path.
 */
final class ClvTree {
    static final int VERSION = 1;
    private static final Set<String> BG_FIELDS = Set.of("formatVersion", "type", "r", "alpha", "a", "b",
            "logLikelihood", "customers");
    private static final Set<String> GG_FIELDS = Set.of("formatVersion", "type", "p", "q", "gamma", "logLikelihood",
            "customers", "zeroSpendCustomers", "correlation");

    private ClvTree() {
    }

    static ObjectNode toTree(BgNbd m) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("formatVersion", VERSION);
        n.put("type", "bg-nbd");
        n.put("r", m.r());
        n.put("alpha", m.alpha());
        n.put("a", m.a());
        n.put("b", m.b());
        number(n, "logLikelihood", m.logLikelihood());
        n.put("customers", m.customers());
        return n;
    }

    static ObjectNode toTree(GammaGamma m) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("formatVersion", VERSION);
        n.put("type", "gamma-gamma");
        n.put("p", m.p());
        n.put("q", m.q());
        n.put("gamma", m.gamma());
        number(n, "logLikelihood", m.logLikelihood());
        n.put("customers", m.customers());
        n.put("zeroSpendCustomers", m.zeroSpendCustomers());
        number(n, "correlation", m.correlation());
        return n;
    }

    private static void number(ObjectNode n, String field, double v) {
        if (Double.isFinite(v)) {
            n.put(field, v);
        } else {
            n.putNull(field);
        }
    }

    static BgNbd bgNbd(JsonNode n, String path) {
        check(n, path, "bg-nbd", BG_FIELDS);
        try {
            return BgNbd.of(positive(n, path, "r"), positive(n, path, "alpha"), positive(n, path, "a"),
                    positive(n, path, "b"), optional(n, path, "logLikelihood"), count(n, path, "customers"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(at(path, "") + e.getMessage(), e);
        }
    }

    static GammaGamma gammaGamma(JsonNode n, String path) {
        check(n, path, "gamma-gamma", GG_FIELDS);
        return GammaGamma.of(positive(n, path, "p"), positive(n, path, "q"), positive(n, path, "gamma"),
                optional(n, path, "logLikelihood"), count(n, path, "customers"), count(n, path, "zeroSpendCustomers"),
                optional(n, path, "correlation"));
    }

    private static void check(JsonNode n, String path, String type, Set<String> fields) {
        if (!n.isObject()) {
            throw new IllegalArgumentException(at(path, "") + "should be an object");
        }
        JsonNode v = n.path("formatVersion");
        if (!v.isInt() || v.intValue() < 1) {
            throw new IllegalArgumentException(at(path, "formatVersion") + "should be a whole number, 1 or more (was " + v
                    + ")");
        }
        if (v.intValue() > VERSION) {
            throw new IllegalArgumentException(at(path, "formatVersion") + "version " + v.intValue()
                    + " is newer than this version of rfmkit reads (" + VERSION + "); upgrade rfmkit to read it");
        }
        if (!type.equals(n.path("type").asText(null))) {
            throw new IllegalArgumentException(at(path, "type") + "should be \"" + type + "\" (was " + n.path("type") + ")");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!fields.contains(f)) {
                throw new IllegalArgumentException(at(path, f) + "unknown field; allowed here: "
                        + String.join(", ", new java.util.TreeSet<>(fields)));
            }
        }
    }

    private static double positive(JsonNode n, String path, String field) {
        JsonNode v = n.path(field);
        if (!v.isNumber() || !(v.doubleValue() > 0) || Double.isInfinite(v.doubleValue())) {
            throw new IllegalArgumentException(at(path, field) + "should be a positive number (was " + v + ")");
        }
        return v.doubleValue();
    }

    private static double optional(JsonNode n, String path, String field) {
        JsonNode v = n.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return Double.NaN;
        }
        if (!v.isNumber()) {
            throw new IllegalArgumentException(at(path, field) + "should be a number or null (was " + v + ")");
        }
        return v.doubleValue();
    }

    private static int count(JsonNode n, String path, String field) {
        JsonNode v = n.path(field);
        if (!v.isInt() || v.intValue() < 0) {
            throw new IllegalArgumentException(at(path, field) + "should be a count, 0 or more (was " + v + ")");
        }
        return v.intValue();
    }

    private static String at(String path, String field) {
        String p = path.isEmpty() ? field : field.isEmpty() ? path : path + "." + field;
        return p.isEmpty() ? "" : p + ": ";
    }
}
