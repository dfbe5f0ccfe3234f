package dev.rfmkit.segment;

import dev.rfmkit.score.RfmScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A condition on a score, the predicate form of a {@link SegmentRule}: either a Java predicate with
 * a description, or an expression over the scores {@code r}, {@code f} and {@code m}, which can also
 * be written to and read from scheme files.
 *
 * <p>Expressions compare sums of scores and whole numbers and combine comparisons with {@code and},
 * {@code or}, {@code not} and parentheses ({@code and} binds tighter than {@code or}):
 * {@code r + f + m >= 12}, {@code f + m >= 2 * r}, {@code r >= 4 and (f = 1 or m <= 2)}. Operators:
 * {@code = == != < <= > >=}; a term is a score letter, a whole number, or a number times a letter
 * ({@code 2 * r} or {@code 2r}). Case and spaces do not matter.
 *
 * <p>Immutable and safe to share between threads (a Java predicate must itself be).
 */
public final class ScoreCondition {
    private final String text;
    private final boolean expression;
    private final Predicate<RfmScore> test;

    private ScoreCondition(String text, boolean expression, Predicate<RfmScore> test) {
        this.text = text;
        this.expression = expression;
        this.test = test;
    }

    /**
     * Parses an expression such as {@code r + f + m >= 12}.
     *
     * @param expression the expression
     * @return the condition
     * @throws IllegalArgumentException if the expression is malformed; the message says where
     */
    public static ScoreCondition parse(String expression) {
        Objects.requireNonNull(expression, "expression");
        Parser parser = new Parser(expression);
        Predicate<RfmScore> test = parser.parse();
        return new ScoreCondition(expression.strip(), true, test);
    }

    /**
     * A Java predicate with a description for reports. Such a condition cannot be written to a
     * scheme file.
     *
     * @param description what the predicate tests, for reports
     * @param predicate the predicate
     * @return the condition
     */
    public static ScoreCondition of(String description, Predicate<RfmScore> predicate) {
        Objects.requireNonNull(predicate, "predicate");
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("a condition needs a description");
        }
        return new ScoreCondition(description.strip(), false, predicate);
    }

    /**
     * Whether a score meets the condition.
     *
     * @param score the score
     * @return true if it does
     */
    public boolean test(RfmScore score) {
        return test.test(score);
    }

    /** The expression, if the condition is one (and so can be written to a file). */
    public Optional<String> expression() {
        return expression ? Optional.of(text) : Optional.empty();
    }

    /** Expressions are equal when their text is; a Java predicate is equal only to itself. */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ScoreCondition other && expression && other.expression && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return expression ? text.hashCode() : System.identityHashCode(this);
    }

    /** The expression or the description. */
    @Override
    public String toString() {
        return text;
    }

    /** Recursive descent over: or := and ("or" and)*; and := unary ("and" unary)*; unary := "not" unary | "(" or ")" | sum op sum. */
    private static final class Parser {
        private final String source;
        private final List<String> tokens = new ArrayList<>();
        private final List<Integer> positions = new ArrayList<>();
        private int next;

        Parser(String source) {
            this.source = source;
            tokenize();
        }

        Predicate<RfmScore> parse() {
            if (tokens.isEmpty()) {
                throw error("the end of an empty condition", 0);
            }
            Predicate<RfmScore> p = or();
            if (next < tokens.size()) {
                throw error("\"" + tokens.get(next) + "\" where the condition should end", positions.get(next));
            }
            return p;
        }

        private Predicate<RfmScore> or() {
            Predicate<RfmScore> p = and();
            while (accept("or")) {
                p = p.or(and());
            }
            return p;
        }

        private Predicate<RfmScore> and() {
            Predicate<RfmScore> p = unary();
            while (accept("and")) {
                p = p.and(unary());
            }
            return p;
        }

        private Predicate<RfmScore> unary() {
            if (accept("not")) {
                return unary().negate();
            }
            if (peekIs("(") && !parenthesisedSum()) {
                next++;
                Predicate<RfmScore> p = or();
                expect(")");
                return p;
            }
            int[] left = sum();
            String op = operator();
            int[] right = sum();
            int c0 = left[0] - right[0];
            int cr = left[1] - right[1];
            int cf = left[2] - right[2];
            int cm = left[3] - right[3];
            // left - right compared with 0
            return switch (op) {
                case "=", "==" -> s -> value(s, c0, cr, cf, cm) == 0;
                case "!=" -> s -> value(s, c0, cr, cf, cm) != 0;
                case "<" -> s -> value(s, c0, cr, cf, cm) < 0;
                case "<=" -> s -> value(s, c0, cr, cf, cm) <= 0;
                case ">" -> s -> value(s, c0, cr, cf, cm) > 0;
                default -> s -> value(s, c0, cr, cf, cm) >= 0;
            };
        }

        private static int value(RfmScore s, int c0, int cr, int cf, int cm) {
            return c0 + cr * s.r() + cf * s.f() + cm * s.m();
        }

        /** Whether the "(" at the cursor opens a sum, as in {@code (f + m) >= 8}, rather than a condition. */
        private boolean parenthesisedSum() {
            int depth = 0;
            for (int i = next; i < tokens.size(); i++) {
                String t = tokens.get(i);
                if (t.equals("(")) {
                    depth++;
                } else if (t.equals(")")) {
                    depth--;
                    if (depth == 0) {
                        return i + 1 < tokens.size() && isOperator(tokens.get(i + 1))
                                || i + 1 < tokens.size() && (tokens.get(i + 1).equals("+") || tokens.get(i + 1).equals("-"));
                    }
                } else if (isOperator(t) || t.equals("and") || t.equals("or") || t.equals("not")) {
                    return false;
                }
            }
            return false;
        }

        /** A sum as coefficients: constant, r, f, m. */
        private int[] sum() {
            int[] c = new int[4];
            int sign = 1;
            if (accept("-")) {
                sign = -1;
            }
            term(c, sign);
            while (true) {
                if (accept("+")) {
                    term(c, 1);
                } else if (accept("-")) {
                    term(c, -1);
                } else {
                    return c;
                }
            }
        }

        private void term(int[] c, int sign) {
            if (accept("(")) {
                int[] inner = sum();
                expect(")");
                for (int i = 0; i < 4; i++) {
                    c[i] = Math.addExact(c[i], sign * inner[i]);
                }
                return;
            }
            if (next >= tokens.size()) {
                throw error("the end where a score letter or a number should be", source.length());
            }
            String t = tokens.get(next);
            int at = positions.get(next);
            if (Character.isDigit(t.charAt(0))) {
                next++;
                int n = number(t, at);
                boolean times = accept("*");
                int letter = peekLetter();
                if (letter > 0) {
                    next++;
                    c[letter] = Math.addExact(c[letter], sign * n);
                } else if (times) {
                    throw error(next < tokens.size() ? "\"" + tokens.get(next) + "\" after *" : "the end after *",
                            next < tokens.size() ? positions.get(next) : source.length());
                } else {
                    c[0] = Math.addExact(c[0], sign * n);
                }
                return;
            }
            int letter = peekLetter();
            if (letter > 0) {
                next++;
                c[letter] = Math.addExact(c[letter], sign);
                return;
            }
            throw error("\"" + t + "\" where a score letter (r, f, m) or a number should be", at);
        }

        private int number(String t, int at) {
            try {
                return Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw error("the number " + t + ", too large", at);
            }
        }

        private int peekLetter() {
            if (next >= tokens.size()) {
                return 0;
            }
            return switch (tokens.get(next)) {
                case "r" -> 1;
                case "f" -> 2;
                case "m" -> 3;
                default -> 0;
            };
        }

        private String operator() {
            if (next < tokens.size() && isOperator(tokens.get(next))) {
                return tokens.get(next++);
            }
            throw error(next < tokens.size() ? "\"" + tokens.get(next) + "\" where a comparison (>=, <=, =, ...) should be"
                    : "the end where a comparison (>=, <=, =, ...) should be",
                    next < tokens.size() ? positions.get(next) : source.length());
        }

        private static boolean isOperator(String t) {
            return switch (t) {
                case "=", "==", "!=", "<", "<=", ">", ">=" -> true;
                default -> false;
            };
        }

        private boolean peekIs(String t) {
            return next < tokens.size() && tokens.get(next).equals(t);
        }

        private boolean accept(String t) {
            if (peekIs(t)) {
                next++;
                return true;
            }
            return false;
        }

        private void expect(String t) {
            if (!accept(t)) {
                throw error(next < tokens.size() ? "\"" + tokens.get(next) + "\" where \"" + t + "\" should be"
                        : "the end where \"" + t + "\" should be", next < tokens.size() ? positions.get(next) : source.length());
            }
        }

        private void tokenize() {
            int i = 0;
            String s = source.toLowerCase(Locale.ROOT);
            while (i < s.length()) {
                char c = s.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                    continue;
                }
                int start = i;
                if (Character.isDigit(c)) {
                    while (i < s.length() && Character.isDigit(s.charAt(i))) {
                        i++;
                    }
                } else if (Character.isLetter(c)) {
                    while (i < s.length() && Character.isLetter(s.charAt(i))) {
                        i++;
                    }
                    String word = s.substring(start, i);
                    if (!List.of("r", "f", "m", "and", "or", "not").contains(word)) {
                        throw error("\"" + source.substring(start, i) + "\"; only r, f, m, and, or, not are words here",
                                start);
                    }
                } else if ("<>=!".indexOf(c) >= 0) {
                    i++;
                    if (i < s.length() && s.charAt(i) == '=') {
                        i++;
                    }
                    if (s.substring(start, i).equals("!")) {
                        throw error("\"!\"; write != or not", start);
                    }
                } else if ("()+-*".indexOf(c) >= 0) {
                    i++;
                } else {
                    throw error("\"" + c + "\"", start);
                }
                tokens.add(s.substring(start, i));
                positions.add(start);
            }
        }

        private IllegalArgumentException error(String what, int at) {
            return new IllegalArgumentException("condition \"" + source + "\": unexpected " + what
                    + " at character " + (at + 1));
        }
    }
}
