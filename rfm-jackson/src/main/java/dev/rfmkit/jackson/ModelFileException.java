package dev.rfmkit.jackson;

/**
 * A saved model that cannot be read: not JSON, too large, from a newer format version, or not a
 * valid model. The message names the source, the JSON path of the offending element (such as
 * {@code monetary.cutPoints[2]}) and what was expected.
 */
public final class ModelFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the message
     */
    public ModelFileException(String message) {
        super(message);
    }
}
