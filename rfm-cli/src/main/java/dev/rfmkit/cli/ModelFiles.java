package dev.rfmkit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;

/**
 * The envelope of the model files the command writes ({@code rfm fit}, {@code rfm clv}): a JSON
 * object with {@code format} and {@code formatVersion}, read with the same checks and one-line
 * messages for both.
 */
final class ModelFiles {
    private ModelFiles() {
    }

    /**
     * Reads a model file's JSON and checks its envelope.
     *
     * @param file the file
     * @param mapper the safe mapper to parse with
     * @param format the expected {@code format}
     * @param writtenBy the command that writes such files, for the message
     * @param version the newest format version this command reads
     * @param fields the fields allowed at the top
     * @return the root object
     */
    static JsonNode readEnvelope(Path file, ObjectMapper mapper, String format, String writtenBy, int version,
            Set<String> fields) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no such file: " + file);
        }
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = mapper.readTree(in);
        } catch (java.io.CharConversionException e) {
            throw new DataException(file + ": not a valid model file: not in a Unicode encoding (" + e.getMessage() + ")");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            String message = e.getOriginalMessage().lines().findFirst().orElse("");
            int marker = message.indexOf(" (start marker at ");
            throw new DataException(file + ": not a valid model file" + where + ": "
                    + (marker < 0 ? message : message.substring(0, marker)));
        } catch (IOException e) {
            throw new DataException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new DataException(file + ": not a model file (expected a JSON object)");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!fields.contains(name)) {
                throw new DataException(file + ": " + name + ": unknown field");
            }
        }
        if (!format.equals(root.path("format").asText(null))) {
            throw new DataException(file + ": format: should be \"" + format + "\" (a file written by " + writtenBy + ")");
        }
        JsonNode v = root.path("formatVersion");
        if (!v.isInt() || v.intValue() < 1) {
            throw new DataException(file + ": formatVersion: should be a whole number, 1 or more (was " + v + ")");
        }
        if (v.intValue() > version) {
            throw new DataException(file + ": formatVersion " + v.intValue() + " is newer than this rfm reads ("
                    + version + "); upgrade rfm to read it");
        }
        return root;
    }
}
