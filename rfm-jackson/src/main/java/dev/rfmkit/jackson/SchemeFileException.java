package dev.rfmkit.jackson;

/**
 * A scheme file that cannot be used. The message names the file, the JSON path of the offending
 * element (such as {@code rules[3].boxes[1]}) and what was expected, or, for a scheme that is
 * well-formed but unusable, what building it found.
 */
public final class SchemeFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the message
     */
    public SchemeFileException(String message) {
        super(message);
    }
}
