package dev.rfmkit.cli;

/** The input data cannot be analysed (no orders, unreadable file): exit code 1. */
final class DataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DataException(String message) {
        super(message);
    }

    DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
