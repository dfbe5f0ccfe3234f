package dev.rfmkit.jackson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rfmkit.metrics.CustomerTable;
import dev.rfmkit.metrics.MonetaryMode;
import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.OrderIngestion;
import dev.rfmkit.order.OrderLine;
import dev.rfmkit.score.Dimension;
import dev.rfmkit.score.KMeansModel;
import dev.rfmkit.score.KMeansTransform;
import dev.rfmkit.score.RfmScore;
import dev.rfmkit.score.ScoringModel;
import dev.rfmkit.score.ScoringStrategy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

final class ModelJsonTest {
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);

    static Stream<Long> seeds() {
        return LongStream.of(1, 2, 3, 42, 20251203L).boxed();
    }

    /** Random customers: skewed frequency (often all ones: unused levels), money with cents, some returns. */
    private static CustomerTable table(SplittableRandom rnd) {
        OrderIngestion ingestion = OrderIngestion.start(IngestionOptions.defaults().withAsOf(AS_OF));
        int customers = 1 + rnd.nextInt(300);
        boolean singleOrders = rnd.nextInt(4) == 0;
        for (int c = 0; c < customers; c++) {
            int orders = singleOrders ? 1 : 1 + (int) (-Math.log(1 - rnd.nextDouble()) * 2);
            int last = rnd.nextInt(700);
            for (int o = 0; o < orders; o++) {
                long cents = rnd.nextInt(3) == 0 ? 1999 : rnd.nextLong(0, 100_000);
                ingestion.accept(OrderLine.ofUnits("c" + c, AS_OF.minusDays(last + 3L * o), cents * 100)
                        .withOrderId("o" + o));
            }
        }
        return CustomerTable.from(ingestion.finish(), MonetaryMode.TOTAL);
    }

    private static List<ScoringStrategy> strategies(int k) {
        double[] r = new double[k - 1];
        double[] f = new double[k - 1];
        double[] m = new double[k - 1];
        for (int j = 0; j < k - 1; j++) {
            r[j] = 30 * (j + 1);
            f[j] = j + 1;
            m[j] = 125.5 * (j + 1);
        }
        return List.of(ScoringStrategy.quantile(k), ScoringStrategy.equalCount(k), ScoringStrategy.kmeans(k),
                ScoringStrategy.kmeans(k).withTransform(KMeansTransform.LOG1P), ScoringStrategy.fixed(r, f, m),
                ScoringStrategy.rfmPackage(k));
    }

    private static ScoringModel readBack(String json) throws IOException {
        return ModelJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "model.json");
    }

    // every type, k from 2 to 10: the model read back has the same parts, scores every customer the
    // same, and writes the same JSON again
    @ParameterizedTest
    @MethodSource("seeds")
    void everyModelType_roundTrips(long seed) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int trial = 0; trial < 6; trial++) {
            CustomerTable table = table(rnd);
            int k = 2 + rnd.nextInt(9);
            for (ScoringStrategy s : strategies(k)) {
                ScoringModel model = s.fit(table).model();
                String json = ModelJson.toJson(model);
                ScoringModel back = readBack(json);
                assertEquals(json, ModelJson.toJson(back), s.toString());
                assertEquals(model.strategy(), back.strategy());
                assertEquals(model.closedRight(), back.closedRight());
                for (Dimension d : Dimension.values()) {
                    assertArrayEquals(model.cutPoints(d), back.cutPoints(d), s + " " + d);
                    assertEquals(model.levelsInUse(d), back.levelsInUse(d));
                }
                for (int i = 0; i < table.size(); i++) {
                    assertEquals(model.score(table.recencyDays(i), table.frequency(i), table.monetary(i)),
                            back.score(table.recencyDays(i), table.frequency(i), table.monetary(i)));
                }
                if (model instanceof KMeansModel km) {
                    KMeansModel kb = assertInstanceOf(KMeansModel.class, back);
                    for (Dimension d : Dimension.values()) {
                        assertEquals(km.clusters(d), kb.clusters(d));
                    }
                }
            }
        }
    }

    private static InputStream golden(String name) {
        InputStream in = ModelJsonTest.class.getResourceAsStream("models/v1/" + name + ".json");
        assertTrue(in != null, name);
        return in;
    }

    // frozen files of format version 1: they must always be read, and score as when they were written
    @ParameterizedTest
    @ValueSource(strings = {"quantile", "equal-count", "kmeans", "kmeans-log1p", "fixed", "rfm-package"})
    void goldenFilesOfVersion1_areRead(String name) throws IOException {
        String text;
        try (InputStream in = golden(name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ScoringModel model = readBack(text);
        assertEquals(name.startsWith("kmeans") ? "kmeans" : name, model.strategy());
        assertEquals(text, ModelJson.toJson(model)); // version 1 is still the version written
    }

    @Test
    void goldenFiles_scoreAsWhenWritten() throws IOException {
        ScoringModel quantile = ModelJson.read(golden("quantile"), "quantile.json");
        assertEquals(RfmScore.of(5, 1, 1), quantile.score(14, 1, 250.106)); // on a cut point: the bin below
        assertEquals(RfmScore.of(4, 3, 2), quantile.score(15, 2, 250.11));
        assertEquals(RfmScore.of(1, 5, 5), quantile.score(181, 5, 2057.915));
        ScoringModel rp = ModelJson.read(golden("rfm-package"), "rfm-package.json");
        assertEquals(RfmScore.of(4, 2, 2), rp.score(116, 5, 256.8)); // left-closed: on an edge, the bin above
        ScoringModel equalCount = ModelJson.read(golden("equal-count"), "equal-count.json");
        assertEquals(RfmScore.of(4, 3, 2), equalCount.score(3, 2, -5));
        ScoringModel fixed = ModelJson.read(golden("fixed"), "fixed.json");
        assertEquals(RfmScore.of(3, 1, 1), fixed.score(30, 1, 100));
        assertEquals(RfmScore.of(2, 2, 2), fixed.score(31, 2, 100.01));
        KMeansModel kmeans = assertInstanceOf(KMeansModel.class, ModelJson.read(golden("kmeans"), "kmeans.json"));
        assertEquals(KMeansTransform.NONE, kmeans.transform());
        assertEquals(5, kmeans.clusters(Dimension.MONETARY).count());
        assertEquals(RfmScore.of(5, 5, 5), kmeans.score(1, 12, 3100));
        assertEquals(RfmScore.of(1, 1, 1), kmeans.score(400, 1, 5.5));
        KMeansModel log = assertInstanceOf(KMeansModel.class, ModelJson.read(golden("kmeans-log1p"), "k.json"));
        assertEquals(KMeansTransform.LOG1P, log.transform());
        assertEquals(4, log.bins());
    }

    private static String goldenText(String name) throws IOException {
        try (InputStream in = golden(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String refused(String json) {
        return assertThrows(ModelFileException.class, () -> readBack(json)).getMessage();
    }

    @Test
    void futureVersion_isRefusedNamingBothVersions() throws IOException {
        String json = goldenText("quantile").replace("\"formatVersion\" : 1", "\"formatVersion\" : 2");
        assertEquals("model.json: formatVersion: version 2 is newer than this version of rfmkit reads (1); "
                + "upgrade rfmkit to read it", refused(json));
    }

    @Test
    void truncatedFile_isRefusedAsNotJson() throws IOException {
        String json = goldenText("kmeans");
        String message = refused(json.substring(0, json.length() / 2));
        assertTrue(message.startsWith("model.json: not valid JSON at line "), message);
        assertTrue(message.contains("end-of-input"), message);
        assertEquals(1, message.lines().count(), message);
        assertEquals("model.json: empty, expected a JSON object", refused(""));
    }

    @Test
    void className_whereATypeBelongs_isRefused() throws IOException {
        String json = goldenText("fixed").replace("\"type\" : \"fixed\"", "\"type\" : \"java.util.HashMap\"");
        assertEquals("model.json: type: unknown model type \"java.util.HashMap\"; expected one of quantile, "
                + "equal-count, kmeans, fixed, rfm-package", refused(json));
        assertEquals("model.json: type: should be a string (was [\"java.util.HashMap\",{}])",
                refused(goldenText("fixed").replace("\"type\" : \"fixed\"", "\"type\" : [\"java.util.HashMap\", {}]")));
    }

    @Test
    void hostileDocuments_areRefusedByTheLimits() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        String message = refused(deep);
        assertTrue(message.startsWith("model.json: refused, Document nesting depth (65) exceeds the maximum allowed"),
                message);
        String longNumber = "{\"formatVersion\": 1" + "0".repeat(10 << 20) + "}";
        message = refused(longNumber);
        assertTrue(message.startsWith("model.json: refused, Number value length"), message);
        String huge = "[" + "1,".repeat(9 << 20) + "1]"; // 18 MiB
        message = refused(huge);
        assertTrue(message.startsWith("model.json: refused, Document length"), message);
        assertTrue(refused("{\"formatVersion\": 1, \"formatVersion\": 1}").contains("Duplicate field 'formatVersion'"));
        assertTrue(refused("{\"formatVersion\": 1} {}").contains("Trailing token"));
    }

    @Test
    void invalidModels_nameTheJsonPath() throws IOException {
        String quantile = goldenText("quantile");
        assertEquals("model.json: monetary.cutPoints[2]: cut points must be ascending (489.724 then 41.942)",
                refused(quantile.replace("941.942", "41.942")));
        assertEquals("model.json: recency.cutPoints: 5 bins need 4 cut points (has 3)",
                refused(quantile.replace("14.2, ", "")));
        assertEquals("model.json: frequency.cutPoints[1]: should be a finite number (was \"NaN\")",
                refused(quantile.replace("[ 1.0, 1.0, 2.0, 4.0 ]", "[ 1.0, \"NaN\", 2.0, 4.0 ]")));
        assertEquals("model.json: recency.levelsInUse[4]: should be a score level between 1 and 5 (was 6)",
                refused(quantile.replaceFirst("4, 5 \\]", "4, 6 ]")));
        assertEquals("model.json: bins: must be between 2 and 10 (was 11)", refused(quantile.replace(
                "\"bins\" : 5", "\"bins\" : 11")));
        assertEquals("model.json: monetary.colour: unknown field; allowed here: cutPoints, levelsInUse",
                refused(quantile.replace("\"monetary\" : {", "\"monetary\" : { \"colour\" : 1,")));
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(quantile);
        tree.remove("frequency");
        assertEquals("model.json: frequency: is missing", refused(tree.toString()));
        assertEquals("model.json: frequency.cutPoints[2]: should be a finite number (was \"Infinity\")",
                refused(goldenText("equal-count").replace("\"equal-count\"", "\"quantile\"")));
        String kmeans = goldenText("kmeans");
        assertEquals("model.json: transform: should be none or log1p (was \"sqrt\")",
                refused(kmeans.replace("\"none\"", "\"sqrt\"")));
        assertTrue(refused(kmeans.replaceFirst("\"size\" : \\d+", "\"size\" : 0"))
                .startsWith("model.json: recency.clusters[0].size: should be a whole number, 1 or more"));
        assertTrue(refused(kmeans.replaceFirst("\"lower\" : 1.0", "\"lower\" : 100.0"))
                .startsWith("model.json: recency.clusters: cluster 1: lower bound 100.0 is above upper bound"));
    }

    @Test
    void formatDocument_showsTheFrozenFiles() throws IOException {
        String doc = Files.readString(Path.of("MODEL-FORMAT.md"));
        for (String name : List.of("quantile", "kmeans")) {
            assertTrue(doc.contains("```json\n" + goldenText(name) + "```"), "MODEL-FORMAT.md must show " + name);
        }
    }

    @Test
    void files_roundTrip(@TempDir Path dir) throws IOException {
        ScoringModel model = ModelJson.read(golden("kmeans"), "kmeans.json");
        Path file = dir.resolve("m.json");
        ModelJson.write(model, file);
        assertEquals(ModelJson.toJson(model), Files.readString(file));
        assertEquals(ModelJson.toJson(model), ModelJson.toJson(ModelJson.read(file)));
        Files.writeString(file, "{");
        assertTrue(assertThrows(ModelFileException.class, () -> ModelJson.read(file)).getMessage()
                .startsWith(file + ": not valid JSON at line 1"));
    }
}
