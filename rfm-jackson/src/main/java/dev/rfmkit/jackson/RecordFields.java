package dev.rfmkit.jackson;

/** The fields of one record, however they were split: by this module's CSV reader or elsewhere. */
interface RecordFields {
    /** The physical line on which the record starts (1-based, the header being line 1), or 0 if unknown. */
    long line();

    /** The number of fields of the record. */
    int size();

    /**
     * A field.
     *
     * @param index the 0-based field index
     * @return the field, unquoted; the empty string if the record has fewer fields
     */
    String field(int index);

    /** The raw text of the record, for the rejects. */
    String content();
}
