package dev.rfmkit.score;

import dev.rfmkit.metrics.CustomerTable;
import java.util.Objects;

/** Checks shared by every strategy's fit. */
final class Fitting {
    private Fitting() {
    }

    static void checkFittable(CustomerTable customers) {
        Objects.requireNonNull(customers, "customers");
        if (customers.size() == 0) {
            throw new IllegalArgumentException("cannot fit a model to no customers");
        }
        for (int i = 0; i < customers.size(); i++) {
            if (Double.isNaN(customers.monetary(i))) {
                throw new IllegalArgumentException("monetary of customer " + customers.customerId(i) + " is NaN");
            }
        }
    }
}
