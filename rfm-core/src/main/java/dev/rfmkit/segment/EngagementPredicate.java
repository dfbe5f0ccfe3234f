package dev.rfmkit.segment;

import java.time.LocalDate;

/**
 * A test on a customer's engagement facts, as of the analysis date.
 *
 * <p>Implementations must be stateless or immutable: the overlay may be applied from many threads.
 */
@FunctionalInterface
public interface EngagementPredicate {
    /** The default email-click window, in days. */
    int DEFAULT_CLICK_WINDOW_DAYS = 180;
    /** The default site-visit window, in days. */
    int DEFAULT_VISIT_WINDOW_DAYS = 90;

    /**
     * Tests the facts.
     *
     * @param facts the customer's engagement facts
     * @param asOf the as-of date D of the analysis
     * @return true if the customer counts as engaged
     */
    boolean test(EngagementFacts facts, LocalDate asOf);

    /**
     * Recent activity: engaged when {@code 0 <= D - lastEmailClick <= clickWindowDays} or
     * {@code 0 <= D - lastSiteVisit <= visitWindowDays}, in whole days. A date after D does not count;
     * a missing date never matches.
     *
     * @param clickWindowDays the email-click window in days, 0 or more
     * @param visitWindowDays the site-visit window in days, 0 or more
     * @return the predicate, a {@link RecentActivity}
     * @throws IllegalArgumentException if a window is negative
     */
    static RecentActivity recentActivity(int clickWindowDays, int visitWindowDays) {
        return new RecentActivity(clickWindowDays, visitWindowDays);
    }
}
