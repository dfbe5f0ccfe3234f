package dev.rfmkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rfmkit.metrics.MonetaryMode;
import dev.rfmkit.order.ReturnsPolicy;
import dev.rfmkit.score.ScoringModel;
import dev.rfmkit.segment.SegmentScheme;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * The file {@code rfm fit} writes and {@code rfm segment --model} reads: format {@code rfm-model},
 * version {@value #VERSION}, with the options that shape the metrics ({@code monetary},
 * {@code returns}), the fitted {@code model} (the JSON of {@code ModelJson}) and the {@code scheme}
 * (the {@code rfmkit-scheme} format).
 */
record SavedModel(ScoringModel model, SegmentScheme scheme, MonetaryMode monetary, ReturnsPolicy returns) {
    static final String FORMAT = "rfm-model";
    static final int VERSION = 1;

    private static final Set<String> FIELDS = Set.of("format", "formatVersion", "options", "model", "scheme");

    static void write(SavedModel saved, Path file) throws IOException {
        ObjectNode root = PrettyJson.mapper().createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", VERSION);
        ObjectNode options = root.putObject("options");
        options.put("monetary", saved.monetary().name().toLowerCase(Locale.ROOT));
        options.put("returns", saved.returns().name().toLowerCase(Locale.ROOT));
        root.set("model", PrettyJson.mapper().valueToTree(saved.model()));
        root.set("scheme", PrettyJson.mapper().valueToTree(saved.scheme()));
        Files.writeString(file, PrettyJson.mapper().writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
    }

    static SavedModel read(Path file) {
        JsonNode root = ModelFiles.readEnvelope(file, PrettyJson.mapper(), FORMAT, "rfm fit", VERSION, FIELDS);
        JsonNode options = root.path("options");
        MonetaryMode monetary = option(file, options, "monetary", MonetaryMode.class);
        ReturnsPolicy returns = option(file, options, "returns", ReturnsPolicy.class);
        ScoringModel model = part(file, root, "model", ScoringModel.class);
        SegmentScheme scheme = part(file, root, "scheme", SegmentScheme.class);
        return new SavedModel(model, scheme, monetary, returns);
    }

    private static <E extends Enum<E>> E option(Path file, JsonNode options, String name, Class<E> type) {
        JsonNode v = options.path(name);
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(v.asText(null))) {
                return e;
            }
        }
        throw new DataException(file + ": options." + name + ": should be one of "
                + java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList()
                + " (was " + v + ")");
    }

    private static <T> T part(Path file, JsonNode root, String field, Class<T> type) {
        JsonNode node = root.get(field);
        if (node == null || !node.isObject()) {
            throw new DataException(file + ": " + field + ": should be an object");
        }
        try {
            return PrettyJson.mapper().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            throw new DataException(file + ": " + (message.startsWith(field) ? "" : field + ".") + message);
        } catch (IllegalArgumentException e) {
            throw new DataException(file + ": " + field + ": " + e.getMessage());
        }
    }
}
