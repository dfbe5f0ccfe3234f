package dev.rfmkit.spark;

import dev.rfmkit.order.CustomerIdOrder;
import java.io.Serializable;

/**
 * A customer id as a sort key, in the order the library writes customers (numeric when all are
 * integers). A class, not a record: Spark's Kryo cannot write records.
 */
final class IdKey implements Comparable<IdKey>, Serializable {
    private static final long serialVersionUID = 1L;

    private final String id;
    private final boolean numeric;

    IdKey(String id, boolean numeric) {
        this.id = id;
        this.numeric = numeric;
    }

    @Override
    public int compareTo(IdKey o) {
        return (numeric ? CustomerIdOrder.NUMERIC : CustomerIdOrder.LEXICOGRAPHIC).compare(id, o.id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdKey k && k.id.equals(id) && k.numeric == numeric;
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
