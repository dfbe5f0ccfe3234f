package dev.rfmkit.spark;

import dev.rfmkit.order.CustomerIdOrder;
import java.io.Serializable;

/** A customer id as a sort key, in the order the library writes customers (numeric when all are integers). */
record IdKey(String id, boolean numeric) implements Comparable<IdKey>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compareTo(IdKey o) {
        return (numeric ? CustomerIdOrder.NUMERIC : CustomerIdOrder.LEXICOGRAPHIC).compare(id, o.id);
    }
}
