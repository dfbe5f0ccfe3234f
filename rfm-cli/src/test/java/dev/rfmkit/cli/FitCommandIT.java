package dev.rfmkit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code rfm fit} then {@code rfm segment --model}: the same rows as fitting afresh. */
final class FitCommandIT {
    private static final String ORDERS = RfmJar.fixture("orders.csv").toString();

    private static String[] args(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, ORDERS, "--as-of", "2024-01-31"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static String[] options(String strategyOptions) {
        return strategyOptions.isBlank() ? new String[0] : strategyOptions.split(" ");
    }

    private static String[] concat(String[] a, String... b) {
        List<String> all = new ArrayList<>(List.of(a));
        all.addAll(List.of(b));
        return all.toArray(String[]::new);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--strategy quantile",
        "--strategy kmeans --returns ignore",
        "--strategy kmeans --kmeans-transform log1p --monetary average",
        "--strategy fixed --thresholds r=7,30,90,180;f=1,2,3,4;m=20,50,100,200 --scheme four-stage",
        "--strategy rfm-package --scheme rfm-package",
        "--strategy quantile --bins 3 --scheme " + "BINS3"})
    void savedModel_scoresAsTheFit(String strategyOptions, @TempDir Path dir) throws IOException {
        String opts = strategyOptions;
        if (opts.endsWith("BINS3")) {
            Path scheme = dir.resolve("three.json");
            Files.writeString(scheme, "{\"format\": \"rfmkit-scheme\", \"version\": 1, \"name\": \"three\", \"bins\": 3,"
                    + " \"segments\": [{\"name\": \"Top\"}, {\"name\": \"Rest\"}],"
                    + " \"rules\": [{\"segment\": \"TOP\", \"where\": \"r + f + m >= 7\"}], \"fallback\": \"REST\"}");
            opts = opts.replace("BINS3", scheme.toString());
        }
        Path model = dir.resolve("model.json");
        RfmJar.Run fit = RfmJar.run(concat(args("fit", options(opts)), "--model-out", model.toString()));
        assertEquals(0, fit.exitCode(), fit.stderr());
        assertTrue(fit.stderr().contains("customers 10"), fit.stderr());
        RfmJar.Run fresh = RfmJar.run(args("segment", options(opts)));
        assertEquals(0, fresh.exitCode(), fresh.stderr());
        // the saved model brings its scheme, monetary mode and returns policy
        RfmJar.Run saved = RfmJar.run(args("segment", "--model", model.toString()));
        assertEquals(0, saved.exitCode(), saved.stderr());
        assertEquals(fresh.stdout(), saved.stdout());
        assertTrue(saved.stderr().contains("(saved model)"), saved.stderr());
    }

    @Test
    void savedModel_withJsonLinesAndAnotherScheme(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("model.json");
        assertEquals(0, RfmJar.run(args("fit", "--strategy", "kmeans", "--model-out", model.toString())).exitCode());
        RfmJar.Run jsonl = RfmJar.run(args("segment", "--model", model.toString(), "--format", "jsonl",
                "--scheme", "lifecycle-six"));
        assertEquals(0, jsonl.exitCode(), jsonl.stderr());
        RfmJar.Run fresh = RfmJar.run(args("segment", "--strategy", "kmeans", "--format", "jsonl", "--scheme",
                "lifecycle-six"));
        assertEquals(fresh.stdout(), jsonl.stdout());
        assertTrue(Files.readString(model).contains("\"type\" : \"kmeans\""));
    }

    @Test
    void timings_afterTheModelIsSaved(@TempDir Path dir) {
        Path model = dir.resolve("model.json");
        RfmJar.Run fit = RfmJar.run(args("fit", "--model-out", model.toString(), "--timings"));
        assertEquals(0, fit.exitCode(), fit.stderr());
        List<String> lines = fit.stderr().strip().lines().toList();
        assertTrue(lines.get(lines.size() - 2).startsWith("model saved to "), fit.stderr());
        assertTrue(lines.get(lines.size() - 1).matches("timings: start-up .*, output \\d+\\.\\d\\d s, total .*"),
                fit.stderr());
    }

    @Test
    void brokenOrFutureModelFiles_exit1WithOneLine(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("model.json");
        assertEquals(0, RfmJar.run(args("fit", "--strategy", "kmeans", "--model-out", model.toString())).exitCode());
        String json = Files.readString(model);

        Path truncated = dir.resolve("truncated.json");
        Files.writeString(truncated, json.substring(0, json.length() / 3));
        RfmJar.Run run = RfmJar.run(args("segment", "--model", truncated.toString()));
        assertEquals(1, run.exitCode());
        assertEquals(1, run.stderr().lines().count(), run.stderr());
        assertTrue(run.stderr().startsWith("rfm: " + truncated + ": not a valid model file at line "), run.stderr());

        Path future = dir.resolve("future.json");
        Files.writeString(future, json.replaceFirst("\"formatVersion\" : 1", "\"formatVersion\" : 2"));
        run = RfmJar.run(args("segment", "--model", future.toString()));
        assertEquals(1, run.exitCode());
        assertEquals("rfm: " + future + ": formatVersion 2 is newer than this rfm reads (1); upgrade rfm to read it",
                run.stderr().strip());

        Path futureModel = dir.resolve("future-model.json");
        int inner = json.indexOf("\"formatVersion\" : 1", json.indexOf("\"model\""));
        Files.writeString(futureModel, json.substring(0, inner) + "\"formatVersion\" : 5"
                + json.substring(inner + "\"formatVersion\" : 1".length()));
        run = RfmJar.run(args("segment", "--model", futureModel.toString()));
        assertEquals(1, run.exitCode());
        assertEquals("rfm: " + futureModel + ": model.formatVersion: version 5 is newer than this version of rfmkit "
                + "reads (1); upgrade rfmkit to read it", run.stderr().strip());

        Path badCut = dir.resolve("bad.json");
        Files.writeString(badCut, json.replaceFirst("\"size\" : \\d+", "\"size\" : -1"));
        run = RfmJar.run(args("segment", "--model", badCut.toString()));
        assertEquals(1, run.exitCode());
        assertTrue(run.stderr().startsWith("rfm: " + badCut + ": model.recency.clusters[0].size: should be a whole "
                + "number, 1 or more"), run.stderr());
    }

    @Test
    void conflictingOptions_exit2(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("model.json");
        assertEquals(0, RfmJar.run(args("fit", "--returns", "ignore", "--model-out", model.toString())).exitCode());
        RfmJar.Run run = RfmJar.run(args("segment", "--model", model.toString(), "--strategy", "kmeans"));
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("--strategy cannot be used with --model: the saved model fixes the scoring"),
                run.stderr());
        run = RfmJar.run(args("segment", "--model", model.toString(), "--returns", "net"));
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("--returns net differs from the saved model's (ignore)"), run.stderr());
        run = RfmJar.run(args("segment", "--model", dir.resolve("none.json").toString()));
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("no such file"), run.stderr());
        run = RfmJar.run(args("fit"));
        assertEquals(2, run.exitCode());
        assertTrue(run.stderr().contains("Missing required option: '--model-out=FILE'"), run.stderr());
        run = RfmJar.run(args("segment", "--model", model.toString(), "--scheme", "rf-grid", "--bins", "5"));
        assertEquals(2, run.exitCode());
    }
}
