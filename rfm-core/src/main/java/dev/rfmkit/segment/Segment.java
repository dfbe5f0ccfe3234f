package dev.rfmkit.segment;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named customer segment: a stable id (upper case, digits and underscores, such as
 * {@code CANT_LOSE_THEM}) and a display name.
 *
 * <p>Two segments are equal when id and display name are equal.
 *
 * @param id the stable id, used in files and code
 * @param displayName the name shown to people
 */
public record Segment(String id, String displayName) {
    private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]*");

    /** Spend most, order often, bought recently. */
    public static final Segment CHAMPIONS = new Segment("CHAMPIONS", "Champions");
    /** Order regularly and spend a lot. */
    public static final Segment LOYAL = new Segment("LOYAL", "Loyal Customers");
    /** Bought recently and several times, but spend little. */
    public static final Segment POTENTIAL_LOYALIST = new Segment("POTENTIAL_LOYALIST", "Potential Loyalist");
    /** Bought once, very recently. */
    public static final Segment NEW = new Segment("NEW", "New Customers");
    /** Bought once or twice recently, with above-average value. */
    public static final Segment PROMISING = new Segment("PROMISING", "Promising");
    /** Middling and fading. */
    public static final Segment NEEDS_ATTENTION = new Segment("NEEDS_ATTENTION", "Needs Attention");
    /** Bought a little, some time ago. */
    public static final Segment ABOUT_TO_SLEEP = new Segment("ABOUT_TO_SLEEP", "About to Sleep");
    /** Were valuable and have not bought for a long time. */
    public static final Segment AT_RISK = new Segment("AT_RISK", "At Risk");
    /** Were the best and are slipping away. */
    public static final Segment CANT_LOSE_THEM = new Segment("CANT_LOSE_THEM", "Can't Lose Them (Losing VIPs)");
    /** Low on everything, gone for a while. */
    public static final Segment HIBERNATING = new Segment("HIBERNATING", "Hibernating");
    /** Low on everything, gone the longest. */
    public static final Segment LOST = new Segment("LOST", "Lost");
    /** Score like Lost, but still click emails or visit the shop. */
    public static final Segment LOST_BUT_ENGAGED = new Segment("LOST_BUT_ENGAGED", "Lost but Engaged");

    /**
     * Checks the id and the display name.
     *
     * @throws IllegalArgumentException if the id is not upper case letters, digits and underscores
     *     starting with a letter, or the display name is blank
     */
    public Segment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("segment id must be upper-case letters, digits and underscores, "
                    + "starting with a letter (was \"" + id + "\")");
        }
        if (displayName.isBlank()) {
            throw new IllegalArgumentException("display name of segment " + id + " must not be blank");
        }
    }

    /**
     * A segment whose id is derived from its display name: upper-cased, apostrophes removed, every
     * other run of characters other than letters and digits turned into {@code _} ("Can't Lose Them"
     * gives {@code CANT_LOSE_THEM}).
     *
     * @param displayName the display name
     * @return the segment
     */
    public static Segment named(String displayName) {
        String id = displayName.strip().toUpperCase(java.util.Locale.ROOT).replace("'", "").replace("\u2019", "")
                .replaceAll("[^A-Z0-9]+", "_").replaceAll("^_+|_+$", "");
        return new Segment(id, displayName);
    }

    // Written out rather than left to the record's generated methods, whose first call builds method
    // handles at run time: segments are compared while every scheme is built.
    @Override
    public boolean equals(Object o) {
        return o instanceof Segment s && id.equals(s.id) && displayName.equals(s.displayName);
    }

    @Override
    public int hashCode() {
        return 31 * id.hashCode() + displayName.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
