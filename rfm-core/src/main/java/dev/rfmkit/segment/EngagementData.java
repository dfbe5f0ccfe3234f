package dev.rfmkit.segment;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Engagement facts by customer id.
 *
 * <p>Immutable and safe to share between threads. Built with {@link #builder()}; adding facts for a
 * customer twice keeps the later date of each kind.
 */
public final class EngagementData {
    private static final EngagementData EMPTY = new EngagementData(Map.of());

    private final Map<String, EngagementFacts> facts;

    private EngagementData(Map<String, EngagementFacts> facts) {
        this.facts = facts;
    }

    /** No engagement data: nobody is engaged. */
    public static EngagementData empty() {
        return EMPTY;
    }

    /** Starts collecting engagement facts. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The facts of a customer.
     *
     * @param customerId the customer id
     * @return the facts, empty if the customer has none
     */
    public Optional<EngagementFacts> facts(String customerId) {
        return Optional.ofNullable(facts.get(customerId));
    }

    /** The number of customers with facts. */
    public int size() {
        return facts.size();
    }

    @Override
    public String toString() {
        return "EngagementData[" + facts.size() + " customers]";
    }

    /** Collects engagement facts; not thread-safe. */
    public static final class Builder {
        private final Map<String, EngagementFacts> facts = new HashMap<>();

        private Builder() {
        }

        /**
         * Adds a customer's facts, keeping the later date of each kind if the customer has facts already.
         *
         * @param customerId the customer id; surrounding whitespace is ignored
         * @param customerFacts the facts
         * @return this builder
         * @throws IllegalArgumentException if the customer id is blank
         */
        public Builder add(String customerId, EngagementFacts customerFacts) {
            String id = Objects.requireNonNull(customerId, "customerId").strip();
            Objects.requireNonNull(customerFacts, "customerFacts");
            if (id.isEmpty()) {
                throw new IllegalArgumentException("customer id must not be blank");
            }
            facts.merge(id, customerFacts, EngagementFacts::latest);
            return this;
        }

        /** The engagement data collected so far. */
        public EngagementData build() {
            return new EngagementData(Map.copyOf(facts));
        }
    }
}
