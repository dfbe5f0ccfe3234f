package dev.rfmkit.cli;

/** A usage problem found after parsing (a missing file, a bad option value): exit code 2. */
final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
