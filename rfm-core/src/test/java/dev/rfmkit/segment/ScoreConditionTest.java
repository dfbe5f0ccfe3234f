package dev.rfmkit.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rfmkit.score.RfmScore;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class ScoreConditionTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "r + f + m >= 12 | sum",
        "R+F+M>=12 | sum",
        "f + m >= 2 * r | twice",
        "f + m >= 2r | twice",
        "(f + m) >= 2 * r | twice",
        "f + m - 2 * r >= 0 | twice",
        "r >= 4 and (f = 1 or m <= 2) | nested",
        "r >= 4 and not (f != 1 and m > 2) | nested",
        "r >= 4 and f == 1 or r >= 4 and m < 3 | nested",
        "r = 5 or r = 4 and f = 1 | precedence",
    })
    void expressions_meanWhatTheySay(String expression, String meaning) {
        Predicate<RfmScore> expected = switch (meaning) {
            case "sum" -> s -> s.r() + s.f() + s.m() >= 12;
            case "twice" -> s -> s.f() + s.m() >= 2 * s.r();
            case "nested" -> s -> s.r() >= 4 && (s.f() == 1 || s.m() <= 2);
            default -> s -> s.r() == 5 || (s.r() == 4 && s.f() == 1);
        };
        ScoreCondition c = ScoreCondition.parse(expression);
        for (int cell = 0; cell < 125; cell++) {
            RfmScore s = RfmScore.ofCell(cell, 5);
            assertEquals(expected.test(s), c.test(s), expression + " at " + s.code());
        }
        assertEquals(expression.strip(), c.expression().orElseThrow());
    }

    @ParameterizedTest(name = "{index}: {0}")
    @CsvSource(delimiter = '|', value = {
        "'' | the end of an empty condition at character 1",
        "r + f | the end where a comparison",
        "r >= | the end where a score letter or a number",
        "x >= 3 | \"x\"; only r, f, m, and, or, not are words here at character 1",
        "r >= 3 and | the end where a score letter",
        "(r >= 3 | the end where \")\" should be",
        "r >= 3) | \")\" where the condition should end at character 7",
        "r ! 3 | \"!\"; write != or not at character 3",
        "r >= 3.5 | \".\" at character 7",
        "2 * >= 3 | \">=\" after *",
        "r >= 99999999999 | the number 99999999999, too large",
    })
    void malformed_saysWhatAndWhere(String expression, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScoreCondition.parse(expression));
        assertTrue(e.getMessage().startsWith("condition \"" + expression + "\": unexpected "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void equality_expressionsByText_predicatesByIdentity() {
        assertEquals(ScoreCondition.parse("r >= 3"), ScoreCondition.parse(" r >= 3 "));
        assertNotEquals(ScoreCondition.parse("r >= 3"), ScoreCondition.parse("r>=3"));
        ScoreCondition p = ScoreCondition.of("r high", s -> s.r() >= 3);
        assertEquals(p, p);
        assertNotEquals(p, ScoreCondition.of("r high", s -> s.r() >= 3));
        assertThrows(IllegalArgumentException.class, () -> ScoreCondition.of(" ", s -> true));
    }
}
