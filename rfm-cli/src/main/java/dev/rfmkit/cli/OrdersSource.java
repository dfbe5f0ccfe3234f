package dev.rfmkit.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The orders input: a file, or stdin ({@code -}). When the input must be read twice (a first pass
 * derives the as-of date) stdin is copied to a temporary file, deleted on close.
 */
final class OrdersSource implements AutoCloseable {
    private final String name;
    private final Path file;
    private final boolean temporary;

    private OrdersSource(String name, Path file, boolean temporary) {
        this.name = name;
        this.file = file;
        this.temporary = temporary;
    }

    static OrdersSource open(String argument, boolean readTwice) throws IOException {
        if (argument.equals("-")) {
            if (!readTwice) {
                return new OrdersSource("stdin", null, false);
            }
            Path copy = Files.createTempFile("rfm-stdin", argument);
            Files.copy(System.in, copy, StandardCopyOption.REPLACE_EXISTING);
            return new OrdersSource("stdin", copy, true);
        }
        Path path = Path.of(argument);
        if (!Files.exists(path)) {
            throw new UsageException("no such file: " + argument);
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new UsageException("not a readable file: " + argument);
        }
        return new OrdersSource(argument, path, false);
    }

    /** The name used in messages: the file as given, or {@code stdin}. */
    String name() {
        return temporary ? "stdin" : name;
    }

    /** Opens the input from its start, without progress. */
    InputStream open() throws IOException {
        return open(null);
    }

    /**
     * Opens the input from its start; gzip is recognised by the reader. Reading a file shows progress
     * when stderr is a terminal and the read takes long.
     *
     * @param lines the lines read so far, for the progress line; null for none
     */
    InputStream open(java.util.function.LongSupplier lines) throws IOException {
        if (file == null) {
            // the reader closes what it reads; stdin stays open for the JVM
            return new FilterInputStream(System.in) {
                @Override
                public void close() {
                }
            };
        }
        return Progress.track(Files.newInputStream(file), name(), Files.size(file), lines);
    }

    @Override
    public void close() throws IOException {
        if (temporary) {
            Files.deleteIfExists(file);
        }
    }
}
