package dev.rfmkit.order;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * How order lines are filtered and grouped: the as-of date, the look-back window, the returns policy,
 * the excluded statuses and strict or lenient handling of bad lines.
 *
 * <p>Immutable; start from {@link #defaults()} and derive with the {@code withX} methods.
 */
public final class IngestionOptions {
    /** The statuses excluded by default, compared ignoring case. */
    public static final Set<String> DEFAULT_EXCLUDED_STATUSES =
            Set.of("cancelled", "canceled", "refunded", "unpaid", "failed", "voided");

    private static final IngestionOptions DEFAULTS =
            new IngestionOptions(null, 0, ReturnsPolicy.NET, DEFAULT_EXCLUDED_STATUSES, false);

    private final LocalDate asOf;
    private final int windowDays;
    private final ReturnsPolicy returns;
    private final Set<String> excludedStatuses;
    private final boolean strict;

    private IngestionOptions(LocalDate asOf, int windowDays, ReturnsPolicy returns, Set<String> excludedStatuses,
            boolean strict) {
        this.asOf = asOf;
        this.windowDays = windowDays;
        this.returns = returns;
        this.excludedStatuses = excludedStatuses;
        this.strict = strict;
    }

    /**
     * No as-of date (derived from the data: the day after the latest included line), no window,
     * returns netted, the {@linkplain #DEFAULT_EXCLUDED_STATUSES default excluded statuses}, lenient.
     *
     * @return the default options
     */
    public static IngestionOptions defaults() {
        return DEFAULTS;
    }

    /**
     * With an explicit as-of date D: lines dated after D are excluded, recency is counted to D.
     *
     * @param asOf the as-of date, inclusive
     * @return the new options
     */
    public IngestionOptions withAsOf(LocalDate asOf) {
        return new IngestionOptions(Objects.requireNonNull(asOf, "asOf"), windowDays, returns, excludedStatuses, strict);
    }

    /**
     * With a look-back window: only lines dated in [D - days + 1, D] are included. Needs an explicit
     * as-of date, checked when ingestion starts.
     *
     * @param days the window length in days, at least 1
     * @return the new options
     * @throws IllegalArgumentException if days is less than 1
     */
    public IngestionOptions withWindowDays(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("window must be at least 1 day (was " + days + ")");
        }
        return new IngestionOptions(asOf, days, returns, excludedStatuses, strict);
    }

    /**
     * With a returns policy.
     *
     * @param returns what happens to the money of return lines
     * @return the new options
     */
    public IngestionOptions withReturns(ReturnsPolicy returns) {
        return new IngestionOptions(asOf, windowDays, Objects.requireNonNull(returns, "returns"), excludedStatuses,
                strict);
    }

    /**
     * With the statuses whose lines are excluded, compared ignoring case and surrounding whitespace;
     * an empty collection excludes none.
     *
     * @param statuses the excluded statuses
     * @return the new options
     */
    public IngestionOptions withExcludedStatuses(Collection<String> statuses) {
        Set<String> normal = new TreeSet<>();
        for (String s : Objects.requireNonNull(statuses, "statuses")) {
            String n = normalStatus(Objects.requireNonNull(s, "status"));
            if (n.isEmpty()) {
                throw new IllegalArgumentException("excluded statuses must not be blank");
            }
            normal.add(n);
        }
        return new IngestionOptions(asOf, windowDays, returns, Set.copyOf(normal), strict);
    }

    /**
     * Strict (the first excluded line is an {@link OrderDataException}) or lenient (excluded lines are
     * counted by reason, the default).
     *
     * @param strict true for strict
     * @return the new options
     */
    public IngestionOptions withStrict(boolean strict) {
        return new IngestionOptions(asOf, windowDays, returns, excludedStatuses, strict);
    }

    /** The explicit as-of date, if one was given. */
    public Optional<LocalDate> asOf() {
        return Optional.ofNullable(asOf);
    }

    /** The look-back window in days, if one was given. */
    public OptionalInt windowDays() {
        return windowDays == 0 ? OptionalInt.empty() : OptionalInt.of(windowDays);
    }

    /** The returns policy. */
    public ReturnsPolicy returns() {
        return returns;
    }

    /** The excluded statuses, lower-case. */
    public Set<String> excludedStatuses() {
        return excludedStatuses;
    }

    /** Whether the first excluded line is an error. */
    public boolean strict() {
        return strict;
    }

    static String normalStatus(String status) {
        return status.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "IngestionOptions[asOf=" + asOf + ", windowDays=" + (windowDays == 0 ? "unlimited" : windowDays)
                + ", returns=" + returns + ", excludedStatuses=" + new TreeSet<>(excludedStatuses) + ", strict="
                + strict + "]";
    }
}
