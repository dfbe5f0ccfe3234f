package dev.rfmkit.clv;

import java.util.Locale;

/** The time unit of recency, age and horizons in the lifetime-value models. */
public enum ClvUnit {
    /** One day. */
    DAY(1),
    /** Seven days. */
    WEEK(7);

    private final int days;

    ClvUnit(int days) {
        this.days = days;
    }

    /** The length of the unit in days. */
    public int days() {
        return days;
    }

    /** The name used on the command line and in files: {@code day} or {@code week}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The unit of a name.
     *
     * @param id {@code day} or {@code week}, in any case
     * @return the unit
     * @throws IllegalArgumentException for any other name
     */
    public static ClvUnit of(String id) {
        for (ClvUnit u : values()) {
            if (u.id().equalsIgnoreCase(id)) {
                return u;
            }
        }
        throw new IllegalArgumentException("the unit must be day or week (was \"" + id + "\")");
    }
}
