package dev.rfmkit.jackson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rfmkit.score.RfmScore;
import dev.rfmkit.segment.EngagementOverlay;
import dev.rfmkit.segment.RecentActivity;
import dev.rfmkit.segment.ScoreBox;
import dev.rfmkit.segment.ScoreCondition;
import dev.rfmkit.segment.Segment;
import dev.rfmkit.segment.SegmentRule;
import dev.rfmkit.segment.SegmentScheme;
import dev.rfmkit.segment.SegmentText;
import dev.rfmkit.segment.SegmentTexts;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Segment schemes as JSON files, format {@code rfmkit-scheme} version 1 (see
 * {@code rfm-jackson/SCHEME-FORMAT.md}): segments declared once, rules in order in any of the three
 * forms ({@code boxes}, {@code cells}, {@code where}), an optional fallback, engagement overlays and
 * segment texts.
 *
 * <p>Reading builds the scheme through {@link SegmentScheme#builder}, so a file is validated exactly
 * as a scheme built in code. Every error is a {@link SchemeFileException} naming the file, the JSON
 * path of the offending element (such as {@code rules[3].boxes[1]}) and what was expected.
 */
public final class SchemeJson {
    /** The value of the {@code format} field. */
    public static final String FORMAT = "rfmkit-scheme";
    /** The format version this class reads and writes. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = RfmModule.newMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> TOP_FIELDS = Set.of("format", "version", "name", "bins", "segments", "rules",
            "fallback", "overlays");
    private static final Set<String> SEGMENT_FIELDS = Set.of("id", "name", "texts");
    private static final Set<String> TEXT_FIELDS = Set.of("name", "description", "actions");
    private static final Set<String> RULE_FIELDS = Set.of("segment", "boxes", "cells", "where");
    private static final Set<String> OVERLAY_FIELDS = Set.of("from", "to", "clickWindowDays", "visitWindowDays");

    private SchemeJson() {
    }

    /**
     * Reads a scheme file.
     *
     * @param file the file
     * @return the scheme
     * @throws IOException if the file cannot be read
     * @throws SchemeFileException if it is not a valid scheme
     */
    public static SegmentScheme read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads a scheme from a stream, which is not closed.
     *
     * @param in the JSON
     * @param source the name used in error messages, such as the file name
     * @return the scheme
     * @throws IOException if the stream cannot be read
     * @throws SchemeFileException if it is not a valid scheme
     */
    public static SegmentScheme read(InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (java.io.CharConversionException e) {
            throw new SchemeFileException(source + ": not valid JSON: not in a Unicode encoding (" + e.getMessage() + ")");
        } catch (com.fasterxml.jackson.core.exc.StreamConstraintsException e) {
            throw new SchemeFileException(source + ": refused, " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new SchemeFileException(source + ": not valid JSON" + where + ": "
                    + ModelJson.firstLine(e.getOriginalMessage()));
        }
        return new Reader(source).scheme(root);
    }

    /**
     * Writes a scheme, pretty-printed UTF-8 ending with a newline.
     *
     * @param scheme the scheme
     * @param out the stream, not closed
     * @throws IOException if writing fails
     * @throws IllegalArgumentException if a rule is a Java predicate or an overlay's predicate is not a
     *     {@link RecentActivity}: those have no file form
     */
    public static void write(SegmentScheme scheme, OutputStream out) throws IOException {
        out.write(toJson(scheme).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * A scheme as JSON text.
     *
     * @param scheme the scheme
     * @return the JSON, ending with a newline
     * @throws IllegalArgumentException as for {@link #write}
     */
    public static String toJson(SegmentScheme scheme) {
        try {
            return MAPPER.writeValueAsString(toTree(scheme)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A scheme as a JSON tree; throws as {@link #write} does. */
    static ObjectNode toTree(SegmentScheme scheme) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("name", scheme.name());
        root.put("bins", scheme.bins());
        ArrayNode segments = root.putArray("segments");
        for (Segment s : declaredSegments(scheme)) {
            ObjectNode node = segments.addObject();
            node.put("id", s.id());
            node.put("name", s.displayName());
            ObjectNode texts = MAPPER.createObjectNode();
            for (String language : scheme.texts().languages()) {
                SegmentText t = scheme.texts().texts(language).get(s.id());
                if (t != null) {
                    ObjectNode text = texts.putObject(language);
                    text.put("name", t.name());
                    text.put("description", t.description());
                    t.actions().forEach(text.putArray("actions")::add);
                }
            }
            if (!texts.isEmpty()) {
                node.set("texts", texts);
            }
        }
        ArrayNode rules = root.putArray("rules");
        for (int i = 0; i < scheme.rules().size(); i++) {
            SegmentRule rule = scheme.rules().get(i);
            int number = i + 1;
            ObjectNode node = rules.addObject();
            node.put("segment", rule.segment().id());
            switch (rule.form()) {
                case BOXES -> rule.boxes().forEach(b -> node.withArray("boxes").add(notation(b)));
                case CELLS -> rule.cells().forEach(c -> node.withArray("cells").add(c.code()));
                case CONDITION -> node.put("where", rule.condition().flatMap(ScoreCondition::expression)
                        .orElseThrow(() -> new IllegalArgumentException("scheme " + scheme.name() + ", rule " + number
                                + " (" + rule + ") is a Java predicate, which has no file form")));
            }
        }
        scheme.fallback().ifPresent(f -> root.put("fallback", f.id()));
        if (!scheme.overlay().rules().isEmpty()) {
            ArrayNode overlays = root.putArray("overlays");
            for (EngagementOverlay.Rule r : scheme.overlay().rules()) {
                if (!(r.when() instanceof RecentActivity activity)) {
                    throw new IllegalArgumentException("scheme " + scheme.name() + ": the overlay " + r.from().id()
                            + " -> " + r.to().id() + " has a predicate other than recent activity, which has no file form");
                }
                ObjectNode node = overlays.addObject();
                node.put("from", r.from().id());
                node.put("to", r.to().id());
                node.put("clickWindowDays", activity.clickWindowDays());
                node.put("visitWindowDays", activity.visitWindowDays());
            }
        }
        return root;
    }

    /** A scheme from a JSON tree; errors name the source. */
    static SegmentScheme fromTree(JsonNode root, String source) {
        return new Reader(source).scheme(root);
    }

    /** The box as notation; the box that holds every score has the empty notation. */
    private static String notation(ScoreBox box) {
        return box.equals(ScoreBox.any()) ? "" : box.toString();
    }

    /** Every segment the rules, the fallback and the overlays name, in that order, each once. */
    private static List<Segment> declaredSegments(SegmentScheme scheme) {
        Map<String, Segment> byId = new LinkedHashMap<>();
        scheme.rules().forEach(r -> byId.putIfAbsent(r.segment().id(), r.segment()));
        scheme.fallback().ifPresent(f -> byId.putIfAbsent(f.id(), f));
        for (EngagementOverlay.Rule r : scheme.overlay().rules()) {
            byId.putIfAbsent(r.from().id(), r.from());
            byId.putIfAbsent(r.to().id(), r.to());
        }
        return List.copyOf(byId.values());
    }

    /** One read: the source name for messages and the declared segments. */
    private static final class Reader {
        private final String source;
        private final Map<String, Segment> segments = new LinkedHashMap<>();

        Reader(String source) {
            this.source = source;
        }

        SegmentScheme scheme(JsonNode root) {
            if (root == null || !root.isObject()) {
                throw error("", "the file should hold one JSON object");
            }
            fields(root, "", TOP_FIELDS);
            String format = text(root, "", "format");
            if (!format.equals(FORMAT)) {
                throw error("format", "should be \"" + FORMAT + "\" (was \"" + format + "\")");
            }
            int version = integer(root, "", "version");
            if (version != VERSION) {
                throw error("version", "version " + version + " is not supported; this rfmkit reads version " + VERSION);
            }
            String name = text(root, "", "name");
            int bins = integer(root, "", "bins");
            SegmentScheme.Builder b;
            try {
                b = SegmentScheme.builder(name, bins);
            } catch (IllegalArgumentException e) {
                throw error(name.isBlank() ? "name" : "bins", e.getMessage());
            }
            SegmentTexts.Builder texts = SegmentTexts.builder();
            JsonNode segmentList = array(root, "", "segments");
            for (int i = 0; i < segmentList.size(); i++) {
                segment(segmentList.get(i), "segments[" + i + "]", texts);
            }
            JsonNode ruleList = array(root, "", "rules");
            for (int i = 0; i < ruleList.size(); i++) {
                b.rule(rule(ruleList.get(i), "rules[" + i + "]"));
            }
            if (root.has("fallback")) {
                b.fallback(segmentRef(root, "", "fallback"));
            }
            if (root.has("overlays")) {
                JsonNode overlays = array(root, "", "overlays");
                List<EngagementOverlay.Rule> rules = new ArrayList<>();
                for (int i = 0; i < overlays.size(); i++) {
                    rules.add(overlay(overlays.get(i), "overlays[" + i + "]"));
                }
                b.overlay(EngagementOverlay.of(rules));
            }
            b.texts(texts.build());
            try {
                return b.build();
            } catch (IllegalArgumentException e) {
                throw new SchemeFileException(source + ": " + e.getMessage());
            }
        }

        private void segment(JsonNode node, String path, SegmentTexts.Builder texts) {
            object(node, path);
            fields(node, path, SEGMENT_FIELDS);
            String name = text(node, path, "name");
            Segment segment;
            try {
                segment = node.has("id") ? new Segment(text(node, path, "id"), name) : Segment.named(name);
            } catch (IllegalArgumentException e) {
                throw error(path + (node.has("id") ? ".id" : ".name"), e.getMessage());
            }
            if (segments.containsKey(segment.id())) {
                throw error(path + ".id", "segment " + segment.id() + " is declared twice");
            }
            segments.put(segment.id(), segment);
            if (node.has("texts")) {
                JsonNode byLanguage = node.get("texts");
                object(byLanguage, path + ".texts");
                Iterator<Map.Entry<String, JsonNode>> it = byLanguage.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String textPath = path + ".texts." + e.getKey();
                    try {
                        texts.put(e.getKey(), segment.id(), text(e.getValue(), textPath));
                    } catch (IllegalArgumentException ex) {
                        throw ex instanceof SchemeFileException ? ex : error(textPath, ex.getMessage());
                    }
                }
            }
        }

        private SegmentText text(JsonNode node, String path) {
            object(node, path);
            fields(node, path, TEXT_FIELDS);
            List<String> actions = new ArrayList<>();
            if (node.has("actions")) {
                JsonNode list = array(node, path, "actions");
                for (int i = 0; i < list.size(); i++) {
                    if (!list.get(i).isTextual()) {
                        throw error(path + ".actions[" + i + "]", "should be a string");
                    }
                    actions.add(list.get(i).asText());
                }
            }
            return new SegmentText(text(node, path, "name"), text(node, path, "description"), actions);
        }

        private SegmentRule rule(JsonNode node, String path) {
            object(node, path);
            fields(node, path, RULE_FIELDS);
            Segment segment = segmentRef(node, path, "segment");
            List<String> forms = new ArrayList<>();
            for (String form : List.of("boxes", "cells", "where")) {
                if (node.has(form)) {
                    forms.add(form);
                }
            }
            if (forms.size() != 1) {
                throw error(path, "a rule needs exactly one of boxes, cells or where (has "
                        + (forms.isEmpty() ? "none" : String.join(" and ", forms)) + ")");
            }
            String form = forms.get(0);
            if (form.equals("where")) {
                try {
                    return SegmentRule.where(segment, ScoreCondition.parse(text(node, path, "where")));
                } catch (SchemeFileException e) {
                    throw e;
                } catch (IllegalArgumentException e) {
                    throw error(path + ".where", e.getMessage());
                }
            }
            JsonNode list = array(node, path, form);
            if (list.isEmpty()) {
                throw error(path + "." + form, "should list at least one " + (form.equals("boxes") ? "box" : "cell"));
            }
            List<ScoreBox> boxes = new ArrayList<>();
            List<RfmScore> cells = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String itemPath = path + "." + form + "[" + i + "]";
                if (!list.get(i).isTextual()) {
                    throw error(itemPath, "should be a string such as " + (form.equals("boxes") ? "\"R4-5 F>=3\"" : "\"545\""));
                }
                try {
                    if (form.equals("boxes")) {
                        boxes.add(ScoreBox.parse(list.get(i).asText()));
                    } else {
                        cells.add(SegmentRule.parseCell(list.get(i).asText()));
                    }
                } catch (IllegalArgumentException e) {
                    throw error(itemPath, e.getMessage());
                }
            }
            return form.equals("boxes") ? SegmentRule.boxes(segment, boxes) : SegmentRule.cells(segment, cells);
        }

        private EngagementOverlay.Rule overlay(JsonNode node, String path) {
            object(node, path);
            fields(node, path, OVERLAY_FIELDS);
            Segment from = segmentRef(node, path, "from");
            Segment to = segmentRef(node, path, "to");
            int click = integer(node, path, "clickWindowDays");
            int visit = integer(node, path, "visitWindowDays");
            try {
                return new EngagementOverlay.Rule(from, new RecentActivity(click, visit), to);
            } catch (IllegalArgumentException e) {
                throw error(path, e.getMessage());
            }
        }

        private Segment segmentRef(JsonNode node, String path, String field) {
            String id = text(node, path, field);
            Segment s = segments.get(id);
            if (s == null) {
                throw error(join(path, field), "segment " + id + " is not declared in segments (declared: "
                        + String.join(", ", segments.keySet()) + ")");
            }
            return s;
        }

        private void fields(JsonNode node, String path, Set<String> allowed) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    throw error(join(path, name), "unknown field; allowed here: "
                            + String.join(", ", allowed.stream().sorted().toList()));
                }
            }
        }

        private void object(JsonNode node, String path) {
            if (!node.isObject()) {
                throw error(path, "should be an object");
            }
        }

        private String text(JsonNode node, String path, String field) {
            JsonNode value = required(node, path, field);
            if (!value.isTextual()) {
                throw error(join(path, field), "should be a string");
            }
            return value.asText();
        }

        private int integer(JsonNode node, String path, String field) {
            JsonNode value = required(node, path, field);
            if (!value.isInt()) {
                throw error(join(path, field), "should be a whole number");
            }
            return value.asInt();
        }

        private JsonNode array(JsonNode node, String path, String field) {
            JsonNode value = required(node, path, field);
            if (!value.isArray()) {
                throw error(join(path, field), "should be an array");
            }
            return value;
        }

        private JsonNode required(JsonNode node, String path, String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                throw error(join(path, field), "is missing");
            }
            return value;
        }

        private static String join(String path, String field) {
            return path.isEmpty() ? field : path + "." + field;
        }

        private SchemeFileException error(String path, String what) {
            return new SchemeFileException(source + (path.isEmpty() ? "" : ", " + path) + ": " + what);
        }
    }
}
