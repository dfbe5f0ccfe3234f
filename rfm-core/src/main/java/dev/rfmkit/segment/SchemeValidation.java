package dev.rfmkit.segment;

import dev.rfmkit.score.RfmScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What building a scheme found: how many cells each rule matches and wins, the rules that can never
 * fire because earlier rules take all their cells, and the cells no rule reaches (those go to the
 * fallback). A scheme that could not be used (a bound beyond k, a rule matching no cell, unreached
 * cells without a fallback) fails to build instead.
 *
 * @param bins the scheme's k
 * @param rules every rule's use, in rule order
 * @param fallbackCells the cells no rule matches, from the lowest code up
 */
public record SchemeValidation(int bins, List<RuleUse> rules, List<RfmScore> fallbackCells) {
    /**
     * Checks and copies the components.
     */
    public SchemeValidation {
        rules = List.copyOf(rules);
        fallbackCells = List.copyOf(fallbackCells);
    }

    /**
     * How a rule is used.
     *
     * @param number the rule's 1-based position
     * @param rule the rule
     * @param matchedCells the cells the rule matches
     * @param claimedCells the cells it wins, because no earlier rule matches them
     */
    public record RuleUse(int number, SegmentRule rule, int matchedCells, int claimedCells) {
        /**
         * Checks the components.
         */
        public RuleUse {
            Objects.requireNonNull(rule, "rule");
        }

        /** Whether earlier rules take every cell this rule matches, so that it never fires. */
        public boolean shadowed() {
            return claimedCells == 0;
        }
    }

    /** The rules that never fire, in rule order. */
    public List<RuleUse> shadowedRules() {
        return rules.stream().filter(RuleUse::shadowed).toList();
    }

    /** Whether every rule fires for some cell. */
    public boolean clean() {
        return shadowedRules().isEmpty();
    }

    /**
     * The report as lines of text: one per rule, then the fallback cells, then the findings.
     *
     * @return the lines
     */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        int cells = bins * bins * bins;
        for (RuleUse use : rules) {
            lines.add(String.format("rule %d  %-30s matches %3d cells, wins %3d%s", use.number(),
                    use.rule().segment().id(), use.matchedCells(), use.claimedCells(),
                    use.shadowed() ? "  NEVER FIRES" : ""));
        }
        lines.add("fallback: " + fallbackCells.size() + " of " + cells + " cells"
                + (fallbackCells.isEmpty() ? "" : " (" + codes(fallbackCells) + ")"));
        for (RuleUse use : shadowedRules()) {
            lines.add("warning: rule " + use.number() + " (" + use.rule() + ") never fires: earlier rules take all "
                    + use.matchedCells() + " of its cells");
        }
        return lines;
    }

    private static String codes(List<RfmScore> scores) {
        List<String> codes = scores.stream().limit(20).map(RfmScore::code).toList();
        return String.join(", ", codes) + (scores.size() > 20 ? ", ..." : "");
    }
}
