package dev.rfmkit.segment;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known of a customer's engagement outside orders: the date of the last email click and of
 * the last site visit, each optional.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class EngagementFacts {
    private static final EngagementFacts NONE = new EngagementFacts(null, null);

    private final LocalDate lastEmailClick;
    private final LocalDate lastSiteVisit;

    private EngagementFacts(LocalDate lastEmailClick, LocalDate lastSiteVisit) {
        this.lastEmailClick = lastEmailClick;
        this.lastSiteVisit = lastSiteVisit;
    }

    /** No known engagement. */
    public static EngagementFacts none() {
        return NONE;
    }

    /**
     * Facts with both dates optional.
     *
     * @param lastEmailClick the date of the last email click, if known
     * @param lastSiteVisit the date of the last site visit, if known
     * @return the facts
     */
    public static EngagementFacts of(Optional<LocalDate> lastEmailClick, Optional<LocalDate> lastSiteVisit) {
        return new EngagementFacts(lastEmailClick.orElse(null), lastSiteVisit.orElse(null));
    }

    /**
     * These facts with a last email click.
     *
     * @param date the date of the last email click
     * @return the new facts
     */
    public EngagementFacts withLastEmailClick(LocalDate date) {
        return new EngagementFacts(Objects.requireNonNull(date, "date"), lastSiteVisit);
    }

    /**
     * These facts with a last site visit.
     *
     * @param date the date of the last site visit
     * @return the new facts
     */
    public EngagementFacts withLastSiteVisit(LocalDate date) {
        return new EngagementFacts(lastEmailClick, Objects.requireNonNull(date, "date"));
    }

    /** The date of the last email click, if known. */
    public Optional<LocalDate> lastEmailClick() {
        return Optional.ofNullable(lastEmailClick);
    }

    /** The date of the last site visit, if known. */
    public Optional<LocalDate> lastSiteVisit() {
        return Optional.ofNullable(lastSiteVisit);
    }

    /**
     * The later of each date of these facts and another's.
     *
     * @param other the other facts
     * @return the combined facts
     */
    public EngagementFacts latest(EngagementFacts other) {
        return new EngagementFacts(later(lastEmailClick, other.lastEmailClick), later(lastSiteVisit, other.lastSiteVisit));
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EngagementFacts other && Objects.equals(lastEmailClick, other.lastEmailClick)
                && Objects.equals(lastSiteVisit, other.lastSiteVisit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(lastEmailClick, lastSiteVisit);
    }

    @Override
    public String toString() {
        return "EngagementFacts[lastEmailClick=" + lastEmailClick + ", lastSiteVisit=" + lastSiteVisit + "]";
    }
}
