package dev.rfmkit.segment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * The texts of a scheme's segments (name, description, recommended actions) by language. Looking
 * up a language that has no text for a segment falls back to English.
 *
 * <p>The built-in schemes have English and German texts. Immutable and safe to share between
 * threads.
 */
public final class SegmentTexts {
    /** The language every lookup falls back to. */
    public static final String FALLBACK_LANGUAGE = "en";

    private static final SegmentTexts NONE = new SegmentTexts(Map.of());
    private static final String BUNDLE = "dev.rfmkit.segment.texts";

    /** language -> segment id -> text, both sorted. */
    private final Map<String, Map<String, SegmentText>> byLanguage;

    private SegmentTexts(Map<String, Map<String, SegmentText>> byLanguage) {
        this.byLanguage = byLanguage;
    }

    /** No texts. */
    public static SegmentTexts none() {
        return NONE;
    }

    /**
     * Starts a set of texts.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The text of a segment in a language, or in English when there is none in that language.
     *
     * @param segmentId the segment id
     * @param locale the language wanted
     * @return the text, or empty if the segment has none in that language or English
     */
    public Optional<SegmentText> get(String segmentId, Locale locale) {
        Map<String, SegmentText> texts = byLanguage.get(locale.getLanguage());
        if (texts != null && texts.containsKey(segmentId)) {
            return Optional.of(texts.get(segmentId));
        }
        return Optional.ofNullable(byLanguage.getOrDefault(FALLBACK_LANGUAGE, Map.of()).get(segmentId));
    }

    /** The languages with texts, as ISO 639 codes ({@code en}, {@code de}), sorted. */
    public List<String> languages() {
        return List.copyOf(byLanguage.keySet());
    }

    /**
     * All texts of one language, by segment id (sorted), without falling back.
     *
     * @param language the ISO 639 code
     * @return the texts, possibly empty
     */
    public Map<String, SegmentText> texts(String language) {
        return byLanguage.getOrDefault(language, Map.of());
    }

    /** Whether there is no text at all. */
    public boolean isEmpty() {
        return byLanguage.isEmpty();
    }

    /**
     * The built-in texts of segments, from the resource bundles: for each id, the key prefix of the
     * scheme it is written for.
     */
    static SegmentTexts builtIn(Map<String, String> prefixById) {
        Builder b = builder();
        for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
            ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            prefixById.forEach((id, prefix) -> {
                String key = prefix + "." + id + ".";
                List<String> actions = new ArrayList<>();
                for (int i = 1; bundle.containsKey(key + "action." + i); i++) {
                    actions.add(bundle.getString(key + "action." + i));
                }
                b.put(locale.getLanguage(), id, new SegmentText(bundle.getString(key + "name"),
                        bundle.getString(key + "description"), actions));
            });
        }
        return b.build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SegmentTexts other && byLanguage.equals(other.byLanguage);
    }

    @Override
    public int hashCode() {
        return byLanguage.hashCode();
    }

    @Override
    public String toString() {
        return "SegmentTexts" + byLanguage.keySet();
    }

    /** Collects texts; a later text for the same language and segment replaces an earlier one. */
    public static final class Builder {
        private final Map<String, Map<String, SegmentText>> byLanguage = new TreeMap<>();

        private Builder() {
        }

        /**
         * Adds a segment's text in a language.
         *
         * @param language an ISO 639 code such as {@code en} or {@code de}
         * @param segmentId the segment id
         * @param text the text
         * @return this builder
         * @throws IllegalArgumentException if the language is not two or three lower-case letters
         */
        public Builder put(String language, String segmentId, SegmentText text) {
            Objects.requireNonNull(segmentId, "segmentId");
            Objects.requireNonNull(text, "text");
            if (language == null || !language.matches("[a-z]{2,3}")) {
                throw new IllegalArgumentException("language must be an ISO 639 code such as en or de (was \""
                        + language + "\")");
            }
            byLanguage.computeIfAbsent(language, l -> new TreeMap<>()).put(segmentId, text);
            return this;
        }

        /**
         * The texts.
         *
         * @return the texts
         */
        public SegmentTexts build() {
            Map<String, Map<String, SegmentText>> copy = new TreeMap<>();
            byLanguage.forEach((l, t) -> copy.put(l, Collections.unmodifiableMap(new TreeMap<>(t))));
            return copy.isEmpty() ? NONE : new SegmentTexts(Collections.unmodifiableMap(copy));
        }
    }
}
