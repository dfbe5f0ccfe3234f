package dev.rfmkit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code rfm.jar} as a user would: {@code java -jar rfm.jar ARGS}. */
final class RfmJar {
    /** What a run printed and returned. */
    record Run(int exitCode, String stdout, String stderr) {
    }

    private RfmJar() {
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("rfm.jar", "target/rfm.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("rfm.jar not found at " + jar.toAbsolutePath() + "; run mvn package first");
        }
        return jar;
    }

    static Path fixture(String name) {
        return Path.of("src/test/resources/dev/rfmkit/cli", name);
    }

    static Run run(String... args) {
        return runWithInput(null, args);
    }

    /** Runs in a working directory. */
    static Run runIn(Path directory, String... args) {
        return run(null, directory, args);
    }

    static Run runWithInput(Path stdin, String... args) {
        return run(stdin, null, args);
    }

    private static Run run(Path stdin, Path directory, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-jar");
        command.add(jar().toAbsolutePath().toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        if (directory != null) {
            pb.directory(directory.toFile());
        }
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        try {
            Process p = pb.start();
            if (stdin == null) {
                p.getOutputStream().close();
            }
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("rfm did not finish within 5 minutes: " + command);
            }
            return new Run(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
