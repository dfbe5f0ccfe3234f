package dev.rfmkit.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class SegmentTextsTest {

    static List<SegmentScheme> schemes() {
        return SegmentScheme.builtIn();
    }

    @ParameterizedTest
    @MethodSource("schemes")
    void everySegment_hasEnglishAndGermanTexts(SegmentScheme scheme) {
        assertEquals(List.of("de", "en"), scheme.texts().languages());
        for (Segment s : scheme.segmentsWithOverlay()) {
            SegmentText en = scheme.text(s, Locale.ENGLISH).orElseThrow(() -> new AssertionError(s + " has no text"));
            SegmentText de = scheme.texts().texts("de").get(s.id());
            assertTrue(de != null, scheme.name() + " " + s.id() + " has no German text");
            assertEquals(s.displayName(), en.name(), "the English name is the display name");
            assertTrue(en.actions().size() >= 2 && en.actions().size() <= 3, s.id() + ": 2 or 3 actions");
            assertEquals(en.actions().size(), de.actions().size(), s.id() + ": as many actions in German");
            assertNotEquals(en.description(), de.description(), s.id() + ": the German text is German");
            assertEquals(de, scheme.text(s, Locale.GERMANY).orElseThrow());
        }
        assertEquals(scheme.segmentsWithOverlay().size(), scheme.texts().texts("en").size(),
                "no text for a segment the scheme does not have");
    }

    @Test
    void otherLanguages_fallBackToEnglish() {
        SegmentScheme twelve = SegmentScheme.twelve();
        assertEquals(twelve.text(Segment.LOST, Locale.ENGLISH), twelve.text(Segment.LOST, Locale.FRENCH));
        assertFalse(twelve.text(Segment.named("Nobody"), Locale.ENGLISH).isPresent());
    }

    @Test
    void classicEleven_sharesTheTextsOfTwelve() {
        for (Segment s : SegmentScheme.classicEleven().segmentsWithOverlay()) {
            assertEquals(SegmentScheme.twelve().text(s, Locale.GERMAN), SegmentScheme.classicEleven().text(s, Locale.GERMAN));
        }
    }

    @Test
    void builder_customTexts_laterReplacesEarlier() {
        SegmentText a = new SegmentText("Top", "The best.", List.of("Thank them."));
        SegmentText b = new SegmentText("Top", "The very best.", List.of("Thank them.", "Do not discount."));
        SegmentTexts texts = SegmentTexts.builder().put("en", "TOP", a).put("en", "TOP", b).build();
        assertEquals(b, texts.get("TOP", Locale.ENGLISH).orElseThrow());
        assertEquals(b, texts.get("TOP", Locale.JAPANESE).orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> SegmentTexts.builder().put("EN", "TOP", a));
        assertThrows(IllegalArgumentException.class, () -> new SegmentText("Top", " ", List.of()));
        assertTrue(SegmentTexts.builder().build().isEmpty());
    }
}
