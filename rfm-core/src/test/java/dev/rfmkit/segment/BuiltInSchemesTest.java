package dev.rfmkit.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rfmkit.score.RfmScore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in scheme against the tables of spec/segments.md and spec/rfm-package.md, cell by cell
 * over all 125 cells. The expectations are written from the tables, in the tables' own terms.
 */
final class BuiltInSchemesTest {

    static List<SegmentScheme> schemes() {
        return SegmentScheme.builtIn();
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void everyBuiltInScheme_isForFiveBins_andTotal(SegmentScheme scheme) {
        assertEquals(5, scheme.bins());
        for (int cell = 0; cell < 125; cell++) {
            assertTrue(scheme.segments().contains(scheme.classifyCell(cell)));
        }
        // every rule of a built-in scheme fires for some cell
        assertTrue(scheme.validation().clean(), () -> String.join("\n", scheme.validation().describe()));
    }

    @Test
    void builtIn_namesAndLookup() {
        assertEquals(List.of("twelve", "classic-eleven", "rfm-package", "rf-grid", "lifecycle-six", "four-stage"),
                SegmentScheme.builtIn().stream().map(SegmentScheme::name).toList());
        assertEquals(SegmentScheme.rfGrid(), SegmentScheme.builtIn("rf-grid").orElseThrow());
        assertFalse(SegmentScheme.builtIn("seven").isPresent());
    }

    @Test
    void twelve_asTheTableSays() {
        for (RfmScore s : all()) {
            int r = s.r();
            int f = s.f();
            int m = s.m();
            String expected;
            if (r >= 4) {
                expected = f >= 4 && m >= 4 ? "CHAMPIONS" : f >= 3 && m >= 3 ? "LOYAL" : f <= 2 && m >= 3 ? "PROMISING"
                        : f == 1 ? "NEW" : "POTENTIAL_LOYALIST";
            } else if (r == 3) {
                expected = f >= 4 && m >= 4 ? "LOYAL" : f >= 3 || m >= 3 ? "NEEDS_ATTENTION" : "ABOUT_TO_SLEEP";
            } else {
                expected = f >= 4 && m >= 4 ? "CANT_LOSE_THEM" : f >= 3 || m >= 3 ? "AT_RISK"
                        : r == 2 ? "HIBERNATING" : "LOST";
            }
            assertEquals(expected, SegmentScheme.twelve().classify(s).id(), s.code());
        }
    }

    @Test
    void classicEleven_isTheExactPartitionOfThePublishedList() {
        Map<String, String> published = new HashMap<>();
        put(published, "CHAMPIONS", "555 554 544 545 454 455 445");
        put(published, "LOYAL", "543 444 435 355 354 345 344 335");
        put(published, "POTENTIAL_LOYALIST", "553 551 552 541 542 533 532 531 452 451 442 441 431 453 433 432 423 353 "
                + "352 351 342 341 333 323");
        put(published, "NEW", "512 511 422 421 412 411 311");
        put(published, "PROMISING", "525 524 523 522 521 515 514 513 425 424 413 414 415 315 314 313");
        put(published, "NEEDS_ATTENTION", "535 534 443 434 343 334 325 324");
        put(published, "ABOUT_TO_SLEEP", "331 321 312 221 213 231 241 251");
        put(published, "AT_RISK", "255 254 245 244 253 252 243 242 235 234 225 224 153 152 145 143 142 135 134 133 "
                + "125 124");
        put(published, "CANT_LOSE_THEM", "155 154 144 214 215 115 114 113");
        put(published, "HIBERNATING", "332 322 233 232 223 222 132 123 122 212 211");
        put(published, "LOST", "111 112 121 131 141 151");
        assertEquals(125, published.size(), "the list names every cell exactly once");
        for (RfmScore s : all()) {
            assertEquals(published.get(s.code()), SegmentScheme.classicEleven().classify(s).id(), s.code());
        }
        assertTrue(SegmentScheme.classicEleven().segments().containsAll(SegmentScheme.twelve().segments()));
        assertEquals(Segment.LOST_BUT_ENGAGED, SegmentScheme.classicEleven().overlay().targets().get(0));
        assertEquals(SegmentScheme.twelve().segmentsWithOverlay().size(),
                SegmentScheme.classicEleven().segmentsWithOverlay().size());
    }

    private static void put(Map<String, String> map, String segment, String cells) {
        for (String cell : cells.split(" ")) {
            String before = map.put(cell, segment);
            assertEquals(null, before, "cell " + cell + " listed twice");
        }
    }

    @Test
    void rfGrid_asTheRfTableSays_monetaryIgnored() {
        Map<String, String> byRf = new HashMap<>();
        for (String rf : List.of("11", "12", "21", "22")) {
            byRf.put(rf, "hibernating");
        }
        for (String rf : List.of("13", "14", "23", "24")) {
            byRf.put(rf, "at_risk");
        }
        byRf.put("15", "cant_loose");
        byRf.put("25", "cant_loose");
        byRf.put("31", "about_to_sleep");
        byRf.put("32", "about_to_sleep");
        byRf.put("33", "need_attention");
        for (String rf : List.of("34", "35", "44", "45")) {
            byRf.put(rf, "loyal_customers");
        }
        byRf.put("41", "promising");
        byRf.put("51", "new_customers");
        for (String rf : List.of("42", "43", "52", "53")) {
            byRf.put(rf, "potential_loyalists");
        }
        byRf.put("54", "champions");
        byRf.put("55", "champions");
        assertEquals(25, byRf.size());
        for (RfmScore s : all()) {
            Segment got = SegmentScheme.rfGrid().classify(s);
            assertEquals(byRf.get("" + s.r() + s.f()), got.displayName(), s.code());
            assertEquals(got.displayName().toUpperCase(java.util.Locale.ROOT), got.id());
        }
        assertEquals("CANT_LOOSE", SegmentScheme.rfGrid().classify(RfmScore.of(1, 5, 1)).id());
    }

    @Test
    void lifecycleSix_asTheTableSays() {
        for (RfmScore s : all()) {
            int r = s.r();
            int f = s.f();
            int m = s.m();
            String expected = r >= 3 && f >= 3 && m >= 3 ? "Loyal" : r <= 2 && f >= 3 && m >= 3 ? "Loyal at Risk"
                    : r >= 3 && f >= 2 ? "Potential Loyal" : r >= 4 && f == 1 ? "New"
                    : r == 2 || r == 3 ? "About to Sleep" : "Sleepers";
            assertEquals(expected, SegmentScheme.lifecycleSix().classify(s).displayName(), s.code());
        }
        assertEquals("LOYAL_AT_RISK", SegmentScheme.lifecycleSix().classify(RfmScore.of(1, 3, 3)).id());
    }

    @Test
    void fourStage_inThatOrder() {
        for (RfmScore s : all()) {
            String expected = s.r() == 1 ? "LOST" : s.r() == 2 ? "AT_RISK" : s.f() >= 4 ? "FREQUENT" : "TYPICAL";
            assertEquals(expected, SegmentScheme.fourStage().classify(s).id(), s.code());
        }
    }

    @Test
    void rfmPackage_firstMatchOfTheTenRules_elseOthers() {
        // segment, R, F, M ranges inclusive, as in spec/rfm-package.md
        Object[][] rules = {
            {"Champions", 5, 5, 5, 5, 5, 5},
            {"Potential Loyalist", 3, 5, 3, 5, 2, 5},
            {"Loyal Customers", 2, 4, 2, 4, 2, 4},
            {"Promising", 3, 4, 1, 3, 3, 5},
            {"New Customers", 4, 5, 1, 3, 1, 5},
            {"Can't Lose Them", 1, 2, 3, 4, 4, 5},
            {"At Risk", 1, 2, 2, 5, 4, 5},
            {"Need Attention", 1, 3, 3, 5, 3, 5},
            {"About To Sleep", 2, 3, 1, 3, 1, 4},
            {"Lost", 1, 1, 1, 5, 1, 5},
        };
        int others = 0;
        for (RfmScore s : all()) {
            String expected = "Others";
            for (Object[] rule : rules) {
                if (in(s.r(), rule[1], rule[2]) && in(s.f(), rule[3], rule[4]) && in(s.m(), rule[5], rule[6])) {
                    expected = (String) rule[0];
                    break;
                }
            }
            others += expected.equals("Others") ? 1 : 0;
            Segment got = SegmentScheme.rfmPackage().classify(s);
            assertEquals(expected, got.displayName(), s.code());
        }
        assertEquals(others, SegmentScheme.rfmPackage().validation().fallbackCells().size());
        assertTrue(others > 0, "the package's rules leave cells to Others");
        assertEquals("CANT_LOSE_THEM", Segment.named("Can't Lose Them").id());
        assertEquals(Segment.named("Others"), SegmentScheme.rfmPackage().fallback().orElseThrow());
    }

    private static boolean in(int score, Object low, Object high) {
        return score >= (Integer) low && score <= (Integer) high;
    }

    private static List<RfmScore> all() {
        List<RfmScore> all = new java.util.ArrayList<>();
        for (int cell = 0; cell < 125; cell++) {
            all.add(RfmScore.ofCell(cell, 5));
        }
        return all;
    }
}
