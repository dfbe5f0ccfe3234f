package dev.rfmkit.jackson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rfmkit.score.ScoringModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fitted models as JSON files: fit nightly in one process, score in real time in another, keep the
 * model that produced last month's segments.
 *
 * <p>Every model type has a JSON form, format version {@value #FORMAT_VERSION}:
 * <pre>
 * {"formatVersion": 1, "type": "quantile", "bins": 5,
 *  "recency":   {"cutPoints": [14.2, 33.0, 72.0, 180.0], "levelsInUse": [1, 2, 3, 4, 5]},
 *  "frequency": {...}, "monetary": {...}}
 * </pre>
 * {@code type} is the strategy: {@code quantile}, {@code equal-count}, {@code fixed} or
 * {@code rfm-package} as above (an equal-count cut point may be {@code "Infinity"} or
 * {@code "-Infinity"}), or {@code kmeans}, which has a {@code transform} ({@code none} or
 * {@code log1p}) and per dimension its {@code clusters}, each with {@code centre}, {@code lower},
 * {@code upper}, {@code size} and {@code sumOfSquares}. Numbers are written so that they read back
 * as the same doubles: a model read back scores exactly as the model written.
 *
 * <p>Reading is strict and safe: unknown fields, duplicate keys, trailing content, documents over
 * 16 MiB, nesting deeper than 64 and numbers longer than 100 characters are refused, as is a
 * {@code formatVersion} newer than this version reads. Every error is a {@link ModelFileException}
 * naming the source, the JSON path and what was expected.
 */
public final class ModelJson {
    /** The format version written; every version from 1 up to it is read. */
    public static final int FORMAT_VERSION = ModelTree.VERSION;

    private static final ObjectMapper MAPPER = RfmModule.newMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelJson() {
    }

    /**
     * A model as JSON text, pretty-printed, ending with a newline.
     *
     * @param model the model
     * @return the JSON
     */
    public static String toJson(ScoringModel model) {
        try {
            return MAPPER.writeValueAsString(ModelTree.toTree(model)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes a model as UTF-8 JSON.
     *
     * @param model the model
     * @param out the stream, not closed
     * @throws IOException if writing fails
     */
    public static void write(ScoringModel model, OutputStream out) throws IOException {
        out.write(toJson(model).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /**
     * Writes a model to a file, replacing it.
     *
     * @param model the model
     * @param file the file
     * @throws IOException if writing fails
     */
    public static void write(ScoringModel model, Path file) throws IOException {
        Files.writeString(file, toJson(model), StandardCharsets.UTF_8);
    }

    /**
     * Reads a model file.
     *
     * @param file the file
     * @return the model
     * @throws IOException if the file cannot be read
     * @throws ModelFileException if it is not a valid model
     */
    public static ScoringModel read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads a model from a stream, which is not closed.
     *
     * @param in the JSON
     * @param source the name used in error messages, such as the file name
     * @return the model
     * @throws IOException if the stream cannot be read
     * @throws ModelFileException if it is not a valid model
     */
    public static ScoringModel read(InputStream in, String source) throws IOException {
        JsonNode root = readTree(MAPPER, in, source);
        try {
            return ModelTree.fromTree(root, "");
        } catch (ModelFileException e) {
            throw new ModelFileException(source + ": " + e.getMessage());
        }
    }

    /** Parses JSON with a mapper's limits; syntax errors and exceeded limits become one-line messages. */
    static JsonNode readTree(ObjectMapper mapper, InputStream in, String source) throws IOException {
        try {
            JsonNode root = mapper.readTree(in);
            if (root == null || root.isMissingNode()) {
                throw new ModelFileException(source + ": empty, expected a JSON object");
            }
            return root;
        } catch (StreamConstraintsException e) {
            throw new ModelFileException(source + ": refused, " + e.getOriginalMessage());
        } catch (java.io.CharConversionException e) {
            throw new ModelFileException(source + ": not valid JSON: not in a Unicode encoding (" + e.getMessage() + ")");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new ModelFileException(source + ": not valid JSON" + where + ": " + firstLine(e.getOriginalMessage()));
        }
    }

    /** The first line of a parser message, without Jackson's note on where the open object started. */
    static String firstLine(String message) {
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        int marker = line.indexOf(" (start marker at ");
        return marker < 0 ? line : line.substring(0, marker);
    }
}
