package dev.rfmkit.segment;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Engaged when the customer clicked an email within the click window or visited the shop within the
 * visit window: with D the as-of date, 0 <= D - last click <= click window days, or the same for the
 * last visit. Dates after D do not count; missing dates never count.
 *
 * @param clickWindowDays the email-click window in days, 0 or more
 * @param visitWindowDays the site-visit window in days, 0 or more
 */
public record RecentActivity(int clickWindowDays, int visitWindowDays) implements EngagementPredicate {
    /**
     * Checks the windows.
     *
     * @throws IllegalArgumentException if a window is negative
     */
    public RecentActivity {
        if (clickWindowDays < 0) {
            throw new IllegalArgumentException("click window must be 0 or more days (was " + clickWindowDays + ")");
        }
        if (visitWindowDays < 0) {
            throw new IllegalArgumentException("visit window must be 0 or more days (was " + visitWindowDays + ")");
        }
    }

    @Override
    public boolean test(EngagementFacts facts, LocalDate asOf) {
        return within(facts.lastEmailClick().orElse(null), asOf, clickWindowDays)
                || within(facts.lastSiteVisit().orElse(null), asOf, visitWindowDays);
    }

    private static boolean within(LocalDate date, LocalDate asOf, int windowDays) {
        if (date == null) {
            return false;
        }
        long days = ChronoUnit.DAYS.between(date, asOf);
        return days >= 0 && days <= windowDays;
    }

    @Override
    public String toString() {
        return "email click within " + clickWindowDays + " days or site visit within " + visitWindowDays + " days";
    }
}
