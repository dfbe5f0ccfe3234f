package dev.rfmkit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rfmkit.jackson.RfmModule;

/**
 * The indented JSON mapper of the model files, built on first use: creating a Jackson mapper loads
 * some hundreds of classes, which commands that write no JSON (a plain {@code rfm segment}) need not pay for.
 */
final class PrettyJson {
    private PrettyJson() {
    }

    /** The shared mapper (Jackson mappers are thread-safe once configured). */
    static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    private static final class Holder {
        static final ObjectMapper MAPPER = RfmModule.newMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }
}
