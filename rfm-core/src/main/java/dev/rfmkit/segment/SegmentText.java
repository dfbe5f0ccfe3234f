package dev.rfmkit.segment;

import java.util.List;
import java.util.Objects;

/**
 * What a segment means and what to do with it, in one language: for reports and for the people who
 * plan campaigns.
 *
 * @param name the segment's name in that language
 * @param description who the customers of the segment are
 * @param actions recommended actions, what to send and what not to, in order of importance
 */
public record SegmentText(String name, String description, List<String> actions) {
    /**
     * Checks and copies the components.
     *
     * @throws IllegalArgumentException if the name or description is blank, or an action is
     */
    public SegmentText {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        actions = List.copyOf(actions);
        if (name.isBlank() || description.isBlank()) {
            throw new IllegalArgumentException("a segment text needs a name and a description");
        }
        if (actions.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("the actions of segment text \"" + name + "\" must not be blank");
        }
    }
}
