package dev.rfmkit.segment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The built-in schemes, as {@code spec/segments.md} and {@code spec/rfm-package.md} define them. */
final class Presets {
    /** The names of the built-in schemes, in the order {@link SegmentScheme#builtIn()} lists them. */
    static final List<String> NAMES = List.of("twelve", "classic-eleven", "rfm-package", "rf-grid", "lifecycle-six",
            "four-stage");

    private Presets() {
    }

    /** The built-in scheme of a name, or null if there is none. */
    static SegmentScheme named(String name) {
        return switch (name) {
            case "twelve" -> Twelve.SCHEME;
            case "classic-eleven" -> ClassicEleven.SCHEME;
            case "rfm-package" -> RfmPackage.SCHEME;
            case "rf-grid" -> RfGrid.SCHEME;
            case "lifecycle-six" -> LifecycleSix.SCHEME;
            case "four-stage" -> FourStage.SCHEME;
            default -> null;
        };
    }

    /** Every built-in scheme, in the order of {@link #NAMES}. */
    static List<SegmentScheme> all() {
        return All.SCHEMES;
    }

    // Each scheme is built, with its texts, when it is first asked for (a class of its own holds it,
    // initialised once and safely): a command uses one, and building them all is a noticeable part of
    // a command's start-up.
    private static final class All {
        static final List<SegmentScheme> SCHEMES = NAMES.stream().map(Presets::named).toList();
    }

    private static final class Twelve {
        static final SegmentScheme SCHEME = withTexts(SegmentScheme.builder("twelve", 5)
                .rule(Segment.CHAMPIONS, "R4-5 F>=4 M>=4")
                .rule(Segment.LOYAL, "R4-5 F>=3 M>=3")
                .rule(Segment.PROMISING, "R4-5 F<=2 M>=3")
                .rule(Segment.NEW, "R4-5 F=1")
                .rule(Segment.POTENTIAL_LOYALIST, "R4-5")
                .rule(Segment.LOYAL, "R3 F>=4 M>=4")
                .rule(Segment.NEEDS_ATTENTION, "R3 F>=3", "R3 M>=3")
                .rule(Segment.ABOUT_TO_SLEEP, "R3")
                .rule(Segment.CANT_LOSE_THEM, "R1-2 F>=4 M>=4")
                .rule(Segment.AT_RISK, "R1-2 F>=3", "R1-2 M>=3")
                .rule(Segment.HIBERNATING, "R2")
                .rule(Segment.LOST, "R1")
                .overlay(EngagementOverlay.lostButEngaged()), "twelve");
    }

    private static final class ClassicEleven {
        static final SegmentScheme SCHEME = withTexts(SegmentScheme.builder("classic-eleven", 5)
                .cells(Segment.CHAMPIONS, "555", "554", "544", "545", "454", "455", "445")
                .cells(Segment.LOYAL, "543", "444", "435", "355", "354", "345", "344", "335")
                .cells(Segment.POTENTIAL_LOYALIST, "553", "551", "552", "541", "542", "533", "532", "531", "452",
                        "451", "442", "441", "431", "453", "433", "432", "423", "353", "352", "351", "342", "341",
                        "333", "323")
                .cells(Segment.NEW, "512", "511", "422", "421", "412", "411", "311")
                .cells(Segment.PROMISING, "525", "524", "523", "522", "521", "515", "514", "513", "425", "424", "413",
                        "414", "415", "315", "314", "313")
                .cells(Segment.NEEDS_ATTENTION, "535", "534", "443", "434", "343", "334", "325", "324")
                .cells(Segment.ABOUT_TO_SLEEP, "331", "321", "312", "221", "213", "231", "241", "251")
                .cells(Segment.AT_RISK, "255", "254", "245", "244", "253", "252", "243", "242", "235", "234", "225",
                        "224", "153", "152", "145", "143", "142", "135", "134", "133", "125", "124")
                .cells(Segment.CANT_LOSE_THEM, "155", "154", "144", "214", "215", "115", "114", "113")
                .cells(Segment.HIBERNATING, "332", "322", "233", "232", "223", "222", "132", "123", "122", "212", "211")
                .cells(Segment.LOST, "111", "112", "121", "131", "141", "151")
                .overlay(EngagementOverlay.lostButEngaged()), "twelve");
    }

    private static final class RfmPackage {
        static final SegmentScheme SCHEME = withTexts(SegmentScheme.builder("rfm-package", 5)
                .rule(Segment.named("Champions"), "R5 F5 M5")
                .rule(Segment.named("Potential Loyalist"), "R3-5 F3-5 M2-5")
                .rule(Segment.named("Loyal Customers"), "R2-4 F2-4 M2-4")
                .rule(Segment.named("Promising"), "R3-4 F1-3 M3-5")
                .rule(Segment.named("New Customers"), "R4-5 F1-3 M1-5")
                .rule(Segment.named("Can't Lose Them"), "R1-2 F3-4 M4-5")
                .rule(Segment.named("At Risk"), "R1-2 F2-5 M4-5")
                .rule(Segment.named("Need Attention"), "R1-3 F3-5 M3-5")
                .rule(Segment.named("About To Sleep"), "R2-3 F1-3 M1-4")
                .rule(Segment.named("Lost"), "R1 F1-5 M1-5")
                .fallback(Segment.named("Others"))
                .overlay(EngagementOverlay.lostButEngaged()), "rfm-package");
    }

    private static final class RfGrid {
        static final SegmentScheme SCHEME = withTexts(SegmentScheme.builder("rf-grid", 5)
                .rule(Segment.named("hibernating"), "R1-2 F1-2")
                .rule(Segment.named("at_risk"), "R1-2 F3-4")
                .rule(Segment.named("cant_loose"), "R1-2 F5")
                .rule(Segment.named("about_to_sleep"), "R3 F1-2")
                .rule(Segment.named("need_attention"), "R3 F3")
                .rule(Segment.named("loyal_customers"), "R3-4 F4-5")
                .rule(Segment.named("promising"), "R4 F1")
                .rule(Segment.named("new_customers"), "R5 F1")
                .rule(Segment.named("potential_loyalists"), "R4-5 F2-3")
                .rule(Segment.named("champions"), "R5 F4-5"), "rf-grid");
    }

    private static final class LifecycleSix {
        static final SegmentScheme SCHEME = withTexts(SegmentScheme.builder("lifecycle-six", 5)
                .rule(Segment.named("Loyal"), "R>=3 F>=3 M>=3")
                .rule(Segment.named("Loyal at Risk"), "R<=2 F>=3 M>=3")
                .rule(Segment.named("Potential Loyal"), "R>=3 F>=2")
                .rule(Segment.named("New"), "R>=4 F=1")
                .rule(Segment.named("About to Sleep"), "R2-3")
                .rule(Segment.named("Sleepers"), "R1"), "lifecycle-six");
    }

    private static final class FourStage {
        static final SegmentScheme SCHEME = withTexts(SegmentScheme.builder("four-stage", 5)
                .rule(Segment.named("Lost"), "R1")
                .rule(Segment.named("At Risk"), "R2")
                .rule(Segment.named("Frequent"), "F>=4")
                .fallback(Segment.named("Typical"))
                .overlay(EngagementOverlay.lostButEngaged()), "four-stage");
    }

    /**
     * Builds a scheme with the texts of its segments from the bundles, written under the key prefix
     * given; overlay segments not written for that prefix take the texts of {@code twelve}.
     */
    private static SegmentScheme withTexts(SegmentScheme.Builder builder, String prefix) {
        SegmentScheme plain = builder.build();
        Map<String, String> prefixById = new LinkedHashMap<>();
        plain.segments().forEach(s -> prefixById.put(s.id(), prefix));
        plain.overlay().targets().forEach(t -> prefixById.putIfAbsent(t.id(), "twelve"));
        return builder.texts(SegmentTexts.builtIn(prefixById)).build();
    }
}
