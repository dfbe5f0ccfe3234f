package dev.rfmkit.segment;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Moves customers between segments on their engagement facts, after the scheme's rules: each rule
 * says "a customer in segment {@code from} for whom {@code when} holds goes to segment {@code to}".
 * The first rule whose {@code from} and predicate match applies; customers without engagement facts
 * are never moved.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class EngagementOverlay {
    private static final EngagementOverlay NONE = new EngagementOverlay(List.of());

    private final List<Rule> rules;

    /**
     * One overlay rule.
     *
     * @param from the segment the rule applies to
     * @param when the test on the engagement facts
     * @param to the segment of engaged customers
     */
    public record Rule(Segment from, EngagementPredicate when, Segment to) {
        /** Checks that no component is null. */
        public Rule {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(when, "when");
            Objects.requireNonNull(to, "to");
        }
    }

    private EngagementOverlay(List<Rule> rules) {
        this.rules = rules;
    }

    /** No overlay: segments stay as the scheme gives them. */
    public static EngagementOverlay none() {
        return NONE;
    }

    /**
     * The default overlay: {@code LOST} customers who clicked an email within 180 days or visited the
     * shop within 90 days become {@code LOST_BUT_ENGAGED}.
     *
     * @return the overlay
     */
    public static EngagementOverlay lostButEngaged() {
        return lostButEngaged(EngagementPredicate.DEFAULT_CLICK_WINDOW_DAYS,
                EngagementPredicate.DEFAULT_VISIT_WINDOW_DAYS);
    }

    /**
     * The default overlay with other windows.
     *
     * @param clickWindowDays the email-click window in days
     * @param visitWindowDays the site-visit window in days
     * @return the overlay
     * @see EngagementPredicate#recentActivity(int, int)
     */
    public static EngagementOverlay lostButEngaged(int clickWindowDays, int visitWindowDays) {
        return of(List.of(new Rule(Segment.LOST, EngagementPredicate.recentActivity(clickWindowDays, visitWindowDays),
                Segment.LOST_BUT_ENGAGED)));
    }

    /**
     * An overlay of rules, applied in order.
     *
     * @param rules the rules
     * @return the overlay
     */
    public static EngagementOverlay of(List<Rule> rules) {
        return new EngagementOverlay(List.copyOf(rules));
    }

    /** The rules, in order. */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * The segment of a customer after the overlay.
     *
     * @param segment the segment the scheme gave
     * @param facts the customer's engagement facts, if any
     * @param asOf the as-of date of the analysis
     * @return the segment after the overlay
     */
    public Segment apply(Segment segment, Optional<EngagementFacts> facts, LocalDate asOf) {
        if (facts.isEmpty()) {
            return segment;
        }
        for (Rule rule : rules) {
            if (rule.from().equals(segment) && rule.when().test(facts.get(), asOf)) {
                return rule.to();
            }
        }
        return segment;
    }

    /**
     * Whether some rule applies to a segment, so that its customers need their facts looked up.
     *
     * @param segment the segment
     * @return true if a rule starts from it
     */
    public boolean appliesTo(Segment segment) {
        for (Rule rule : rules) {
            if (rule.from().equals(segment)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The segments the overlay can move customers to, in rule order, without repeats.
     *
     * @return the target segments
     */
    public List<Segment> targets() {
        return rules.stream().map(Rule::to).distinct().toList();
    }

    @Override
    public String toString() {
        return "EngagementOverlay" + rules.stream().map(r -> r.from().id() + "->" + r.to().id()).toList();
    }
}
