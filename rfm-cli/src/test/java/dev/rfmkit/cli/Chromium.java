package dev.rfmkit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium with the network closed, for rendering the HTML report in tests: a screenshot,
 * and the DOM after the page has loaded.
 */
final class Chromium {
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-extensions");

    private final Path binary;

    private Chromium(Path binary) {
        this.binary = binary;
    }

    /** The browser: $CHROMIUM, else chromium or chromium-browser on the path. */
    static Optional<Chromium> find() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("CHROMIUM");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                candidates.add(Path.of(dir, name));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().map(Chromium::new);
    }

    /** Renders a page to a PNG screenshot of the given window size. */
    void screenshot(Path page, Path png, int width, int height, Path workDir) throws IOException, InterruptedException {
        run(workDir, "--window-size=" + width + "," + height, "--screenshot=" + png.toAbsolutePath(),
                page.toUri().toString());
        if (!Files.isRegularFile(png)) {
            throw new IllegalStateException("chromium wrote no screenshot to " + png);
        }
    }

    /** The DOM of a loaded page, serialised. */
    String dumpDom(Path page, Path workDir) throws IOException, InterruptedException {
        return run(workDir, "--dump-dom", page.toUri().toString());
    }

    private String run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + Files.createTempDirectory(workDir, "profile"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "chromium", ".out");
        Process p = new ProcessBuilder(command).redirectErrorStream(false).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium did not finish within 2 minutes");
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
