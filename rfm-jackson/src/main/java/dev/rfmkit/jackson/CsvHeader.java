package dev.rfmkit.jackson;

import dev.rfmkit.order.OrderDataException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header of a CSV input: its column names, found by name ignoring case and surrounding whitespace.
 *
 * <p>Two columns whose names are equal ignoring case are an error, since a lookup could not tell them
 * apart; blank names (such as the one a trailing delimiter makes) are exempt, since they cannot be
 * looked up.
 *
 * <p>Immutable.
 */
final class CsvHeader {
    private final List<String> names;
    private final Map<String, Integer> index;
    private final long line;

    private CsvHeader(List<String> names, Map<String, Integer> index, long line) {
        this.names = names;
        this.index = index;
        this.line = line;
    }

    /**
     * Reads the header: the first record that is not a blank line.
     *
     * @param records the records, before the first
     * @param sourceName the name of the input, for the message about an empty one
     * @return the header
     * @throws IOException if the input cannot be read
     * @throws OrderDataException if the input is empty or two columns have the same name
     */
    static CsvHeader read(CsvRecords records, String sourceName) throws IOException {
        if (!records.next()) {
            throw new OrderDataException(0, null, null, sourceName + " is empty: no header");
        }
        if (records.tooLong()) {
            throw new OrderDataException(records.line(), null, null, "the header is longer than " + records.maxRecord()
                    + " characters");
        }
        List<String> names = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            names.add(records.field(i));
        }
        return of(names, records.line());
    }

    /**
     * A header from column names split elsewhere.
     *
     * @param fields the names, in column order (null for a column without a name)
     * @param line the physical line of the header, for messages
     * @return the header
     * @throws OrderDataException if two columns have the same name
     */
    static CsvHeader of(List<String> fields, long line) {
        List<String> names = new ArrayList<>(fields.size());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i) == null ? "" : fields.get(i).strip();
            names.add(name);
            if (name.isEmpty()) {
                continue;
            }
            Integer previous = index.putIfAbsent(key(name), i);
            if (previous != null) {
                throw new OrderDataException(line, null, null, "duplicate column " + name + ": columns "
                        + (previous + 1) + " (" + names.get(previous) + ") and " + (i + 1)
                        + " have the same name, ignoring case");
            }
        }
        return new CsvHeader(List.copyOf(names), Map.copyOf(index), line);
    }

    private static String key(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The index of a column.
     *
     * @param name the name, matched ignoring case and surrounding whitespace
     * @return the 0-based index, or -1 if the header has no such column
     */
    int indexOf(String name) {
        return index.getOrDefault(key(name), -1);
    }

    /** The name of a column as the header writes it, without surrounding whitespace. */
    String name(int column) {
        return names.get(column);
    }

    /** The number of fields of the header. */
    int size() {
        return names.size();
    }

    /** The physical line of the header. */
    long line() {
        return line;
    }

    /**
     * The error for required columns the header lacks.
     *
     * @param missing the names looked for and not found
     * @param note more about the requirement, or the empty string
     * @return the exception, naming the missing columns and listing the header's
     */
    OrderDataException missing(List<String> missing, String note) {
        String what = missing.size() == 1 ? "missing column " : "missing columns ";
        return new OrderDataException(line, null, null, what + String.join(", ", missing) + note
                + "; the file has columns: " + String.join(", ", names));
    }
}
