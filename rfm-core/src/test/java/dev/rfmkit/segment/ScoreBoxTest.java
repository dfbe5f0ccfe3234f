package dev.rfmkit.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rfmkit.score.RfmScore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class ScoreBoxTest {
    private static final int OPEN = ScoreBox.OPEN;

    @Test
    void parse_notation() {
        assertEquals(new ScoreBox(4, 5, 4, OPEN, 4, OPEN), ScoreBox.parse("R4-5 F>=4 M>=4"));
        assertEquals(new ScoreBox(3, 3, 1, OPEN, 1, OPEN), ScoreBox.parse("R3"));
        assertEquals(new ScoreBox(3, 3, 1, OPEN, 1, OPEN), ScoreBox.parse("R=3"));
        assertEquals(new ScoreBox(1, OPEN, 1, 2, 1, OPEN), ScoreBox.parse("F<=2"));
        assertEquals(new ScoreBox(1, OPEN, 1, 1, 1, OPEN), ScoreBox.parse("F=1"));
        assertEquals(new ScoreBox(1, 2, 3, OPEN, 1, OPEN), ScoreBox.parse("r1-2, f>=3"));
        assertEquals(new ScoreBox(1, OPEN, 1, OPEN, 2, 2), ScoreBox.parse("  M2  "));
        assertEquals(new ScoreBox(2, 2, 3, 3, 4, 4), ScoreBox.parse("M4 F3 R2"));
        assertEquals(new ScoreBox(1, 10, 1, OPEN, 1, OPEN), ScoreBox.parse("R1-10"));
    }

    @Test
    void parse_empty_anyCell() {
        assertEquals(ScoreBox.any(), ScoreBox.parse(""));
        assertEquals(ScoreBox.any(), ScoreBox.parse("   "));
        assertEquals(new ScoreBox(1, OPEN, 1, OPEN, 1, OPEN), ScoreBox.any());
    }

    @ParameterizedTest(name = "\"{0}\" is rejected")
    @ValueSource(strings = {"X3", "R", "R>3", "R<3", "R>=", "R3-", "R-3", "R>=3-4", "R=3-4", "R3 R4", "R3 r4", "R0",
        "R0-2", "R5-4", "F>=0", "R4 -5", "R4;F3", "RF3", "R 4", "4"})
    void parse_malformed_throws(String notation) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScoreBox.parse(notation));
        assertFalse(e.getMessage().isEmpty());
    }

    @Test
    void parse_errorMessages_nameTheProblem() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScoreBox.parse("R3 R4")).getMessage()
                .contains("twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScoreBox.parse("X3")).getMessage()
                .contains("\"X3\""));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScoreBox.parse("R>=3-4")).getMessage()
                .contains("mixes"));
    }

    @Test
    void constructor_validates() {
        assertThrows(IllegalArgumentException.class, () -> new ScoreBox(0, 5, 1, 5, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> new ScoreBox(1, 5, 3, 2, 1, 5));
    }

    @Test
    void contains_inclusiveBounds() {
        ScoreBox b = ScoreBox.parse("R4-5 F<=2");
        assertTrue(b.contains(RfmScore.of(4, 1, 1)));
        assertTrue(b.contains(RfmScore.of(5, 2, 5)));
        assertTrue(b.contains(4, 2, 10));
        assertFalse(b.contains(RfmScore.of(3, 1, 1)));
        assertFalse(b.contains(RfmScore.of(5, 3, 1)));
        assertTrue(ScoreBox.parse("F>=3").contains(1, 10, 1));
    }

    @Test
    void toString_roundTrips() {
        for (String s : new String[] {"R4-5 F>=4 M>=4", "R3", "F<=2", "R1-2 M>=3", "R2 F3 M4"}) {
            ScoreBox b = ScoreBox.parse(s);
            assertEquals(b, ScoreBox.parse(b.toString()), s);
        }
        assertEquals("R4-5 F>=4 M>=4", ScoreBox.parse("R4-5 F>=4 M>=4").toString());
    }
}
