package dev.rfmkit.spark;

import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.ReturnsPolicy;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Ingestion options in a form a cluster's tasks can take along; rebuilt there as they were. */
record IngestionSpec(LocalDate asOf, Integer windowDays, ReturnsPolicy returns, List<String> excludedStatuses,
        boolean strict) implements Serializable {
    private static final long serialVersionUID = 1L;

    static IngestionSpec of(IngestionOptions o) {
        return new IngestionSpec(o.asOf().orElse(null), o.windowDays().isPresent() ? o.windowDays().getAsInt() : null,
                o.returns(), new ArrayList<>(o.excludedStatuses()), o.strict());
    }

    IngestionOptions options() {
        IngestionOptions o = IngestionOptions.defaults().withReturns(returns).withExcludedStatuses(excludedStatuses)
                .withStrict(strict);
        if (asOf != null) {
            o = o.withAsOf(asOf);
        }
        if (windowDays != null) {
            o = o.withWindowDays(windowDays);
        }
        return o;
    }
}
