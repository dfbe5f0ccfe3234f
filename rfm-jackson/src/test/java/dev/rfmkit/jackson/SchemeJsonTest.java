package dev.rfmkit.jackson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rfmkit.score.RfmScore;
import dev.rfmkit.segment.EngagementOverlay;
import dev.rfmkit.segment.RecentActivity;
import dev.rfmkit.segment.ScoreCondition;
import dev.rfmkit.segment.Segment;
import dev.rfmkit.segment.SegmentRule;
import dev.rfmkit.segment.SegmentScheme;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

final class SchemeJsonTest {
    private static final String EXAMPLE = "/dev/rfmkit/jackson/example-scheme.json";

    static List<SegmentScheme> builtIn() {
        return SegmentScheme.builtIn();
    }

    private static SegmentScheme example() throws IOException {
        try (InputStream in = SchemeJsonTest.class.getResourceAsStream(EXAMPLE)) {
            return SchemeJson.read(in, "example-scheme.json");
        }
    }

    private static SegmentScheme read(String json) throws IOException {
        return SchemeJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "s.json");
    }

    @ParameterizedTest
    @MethodSource("builtIn")
    void builtInSchemes_roundTrip(SegmentScheme scheme) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SchemeJson.write(scheme, out);
        SegmentScheme back = read(out.toString(StandardCharsets.UTF_8));
        assertEquals(scheme.name(), back.name());
        assertEquals(scheme.bins(), back.bins());
        assertEquals(scheme.rules(), back.rules());
        assertEquals(scheme.fallback(), back.fallback());
        assertEquals(scheme.segmentsWithOverlay(), back.segmentsWithOverlay());
        assertEquals(scheme.overlay().rules(), back.overlay().rules());
        assertEquals(scheme.texts(), back.texts());
        assertArrayEquals(scheme.lookupTable(), back.lookupTable());
        assertEquals(SchemeJson.toJson(scheme), SchemeJson.toJson(back), "writing is stable");
    }

    @Test
    void example_classifiesAsWrittenByHand() throws IOException {
        SegmentScheme s = example();
        assertEquals("VIP", s.classify(RfmScore.of(5, 4, 5)).id());
        assertEquals("BIG_SPENDERS", s.classify(RfmScore.of(1, 5, 5)).id());
        assertEquals("BIG_SPENDERS", s.classify(RfmScore.of(3, 5, 5)).id(), "listed cell before the condition");
        assertEquals("REGULARS", s.classify(RfmScore.of(3, 3, 3)).id());
        assertEquals("OTHERS", s.classify(RfmScore.of(3, 3, 2)).id());
        assertEquals("LOST", s.classify(RfmScore.of(1, 1, 1)).id());
        assertEquals("OTHERS", s.classify(RfmScore.of(2, 1, 1)).id());
        assertEquals(List.of(new EngagementOverlay.Rule(Segment.named("Lost"), new RecentActivity(60, 30),
                new Segment("WINBACK", "Win Back"))), s.overlay().rules());
        assertEquals("Keine Rabatte.", s.text(Segment.named("VIP"), Locale.GERMAN).orElseThrow().actions().get(1));
        assertEquals("Do not discount.", s.text(Segment.named("VIP"), Locale.FRENCH).orElseThrow().actions().get(1));
        assertTrue(s.validation().clean());
    }

    @Test
    void formatDoc_showsTheExampleVerbatim() throws IOException {
        String doc = Files.readString(Path.of("SCHEME-FORMAT.md"));
        String example;
        try (InputStream in = SchemeJsonTest.class.getResourceAsStream(EXAMPLE)) {
            example = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(doc.contains("```json\n" + example + "```"), "SCHEME-FORMAT.md must show example-scheme.json");
    }

    @Test
    void javaPredicate_cannotBeWritten() {
        SegmentScheme s = SegmentScheme.builder("p", 5)
                .rule(SegmentRule.where(Segment.named("Even"), ScoreCondition.of("r is even", x -> x.r() % 2 == 0)))
                .fallback(Segment.named("Odd")).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SchemeJson.toJson(s));
        assertEquals("scheme p, rule 1 (EVEN: where r is even) is a Java predicate, which has no file form",
                e.getMessage());
    }

    private static final String HEAD = "{\"format\": \"rfmkit-scheme\", \"version\": 1, \"name\": \"s\", \"bins\": 5, ";
    private static final String SEGMENTS = "\"segments\": [{\"name\": \"A\"}, {\"name\": \"B\"}], ";

    @ParameterizedTest(name = "{index}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{ | s.json: not valid JSON at line 1",
        "[] | s.json: the file should hold one JSON object",
        "`{\"format\": \"x\"}` | s.json, format: should be \"rfmkit-scheme\" (was \"x\")",
        "`{\"format\": \"rfmkit-scheme\", \"version\": 2}` | s.json, version: version 2 is not supported",
        "`{\"format\": \"rfmkit-scheme\", \"version\": 1, \"name\": \"s\"}` | s.json, bins: is missing",
        "`HEAD\"bins2\": 1}` | s.json, bins2: unknown field; allowed here: bins, fallback, format",
        "`HEADSEGMENTS\"rules\": [{\"segment\": \"A\"}]}` | s.json, rules[0]: a rule needs exactly one of boxes, cells or where (has none)",
        "`HEADSEGMENTS\"rules\": [{\"segment\": \"A\", \"boxes\": [\"R1\"], \"cells\": [\"111\"]}]}` | s.json, rules[0]: a rule needs exactly one of boxes, cells or where (has boxes and cells)",
        "`HEADSEGMENTS\"rules\": [{\"segment\": \"C\", \"boxes\": [\"R1\"]}]}` | s.json, rules[0].segment: segment C is not declared in segments (declared: A, B)",
        "`HEADSEGMENTS\"rules\": [{\"segment\": \"A\", \"boxes\": [\"R1\", \"Q2\"]}]}` | s.json, rules[0].boxes[1]: \"Q2\" in box \"Q2\" is not a bound",
        "`HEADSEGMENTS\"rules\": [{\"segment\": \"A\", \"cells\": [\"1111\"]}]}` | s.json, rules[0].cells[0]: cell \"1111\" is not a code",
        "`HEADSEGMENTS\"rules\": [{\"segment\": \"A\", \"cells\": []}]}` | s.json, rules[0].cells: should list at least one cell",
        "`HEADSEGMENTS\"rules\": [{\"segment\": \"A\", \"where\": \"r >=\"}]}` | s.json, rules[0].where: condition \"r >=\": unexpected the end",
        "`HEADSEGMENTS\"rules\": [{\"segment\": \"A\", \"boxes\": 3}]}` | s.json, rules[0].boxes: should be an array",
        "`HEADSEGMENTS\"rules\": [{\"segment\": \"A\", \"boxes\": [\"R1\"], \"colour\": 1}]}` | s.json, rules[0].colour: unknown field",
        "`HEAD\"segments\": [{\"name\": \"A\"}, {\"id\": \"A\", \"name\": \"B\"}], \"rules\": []}` | s.json, segments[1].id: segment A is declared twice",
        "`HEAD\"segments\": [{\"id\": \"a\", \"name\": \"A\"}], \"rules\": []}` | s.json, segments[0].id: segment id must be upper-case",
        "`HEADSEGMENTS\"rules\": [{\"segment\": \"A\", \"boxes\": [\"R1\"]}]}` | s.json: scheme s matches no rule for 100 cells and has no fallback",
        "`HEADSEGMENTS\"rules\": [{\"segment\": \"A\", \"boxes\": [\"R6\"]}], \"fallback\": \"B\"}` | s.json: scheme s, rule 1 (A: R6): box R6 bounds a score above 5",
        "`HEADSEGMENTS\"rules\": [], \"fallback\": \"B\", \"overlays\": [{\"from\": \"B\", \"to\": \"A\", \"clickWindowDays\": -1, \"visitWindowDays\": 9}]}` | s.json, overlays[0]: click window must be 0 or more days (was -1)",
        "`HEADSEGMENTS\"rules\": [], \"fallback\": \"B\", \"overlays\": [{\"from\": \"B\", \"to\": \"A\", \"clickWindowDays\": \"x\", \"visitWindowDays\": 9}]}` | s.json, overlays[0].clickWindowDays: should be a whole number",
        "`HEAD\"segments\": [{\"name\": \"A\", \"texts\": {\"EN\": {\"name\": \"A\", \"description\": \"d\"}}}], \"rules\": [], \"fallback\": \"A\"}` | s.json, segments[0].texts.EN: language must be an ISO 639 code",
        "`HEAD\"segments\": [{\"name\": \"A\", \"texts\": {\"en\": {\"name\": \"A\"}}}], \"rules\": [], \"fallback\": \"A\"}` | s.json, segments[0].texts.en.description: is missing",
    })
    void errors_nameThePathAndWhatIsWrong(String json, String message) {
        String full = json.replace("HEAD", HEAD).replace("SEGMENTS", SEGMENTS);
        SchemeFileException e = assertThrows(SchemeFileException.class, () -> read(full));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void onlyAFallback_isAScheme() throws IOException {
        SegmentScheme s = read(HEAD + SEGMENTS + "\"rules\": [], \"fallback\": \"B\"}");
        assertEquals("B", s.classify(RfmScore.of(5, 5, 5)).id());
        assertEquals(List.of(), s.overlay().rules());
    }
}
