package dev.rfmkit.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rfmkit.RfmAnalysis;
import dev.rfmkit.RfmResult;
import dev.rfmkit.ScoredCustomer;
import dev.rfmkit.SegmentCount;
import dev.rfmkit.order.IngestionOptions;
import dev.rfmkit.order.IngestionReport;
import dev.rfmkit.order.OrderLine;
import dev.rfmkit.score.KMeansModel;
import dev.rfmkit.score.RfmScore;
import dev.rfmkit.score.ScoringModel;
import dev.rfmkit.score.ScoringStrategy;
import dev.rfmkit.segment.Segment;
import dev.rfmkit.segment.SegmentScheme;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class RfmModuleTest {
    private static final ObjectMapper MAPPER = RfmModule.newMapper();

    private static RfmResult result() {
        LocalDate d = LocalDate.of(2024, 6, 30);
        return RfmAnalysis.builder().ingestion(IngestionOptions.defaults().withAsOf(d)).build().run(List.of(
                OrderLine.of("c1", d.minusDays(2), new BigDecimal("120.00")).withOrderId("A-1"),
                OrderLine.of("c1", d.minusDays(40), new BigDecimal("80.50")).withOrderId("A-2"),
                OrderLine.of("c2", d.minusDays(200), new BigDecimal("35.00")).withOrderId("B-1"),
                OrderLine.of("c3", d.minusDays(20), new BigDecimal("12.99")).withOrderId("C-1"),
                OrderLine.of("c3", d.minusDays(20), new BigDecimal("-2.99")).withOrderId("C-2"),
                OrderLine.of("", d.minusDays(20), new BigDecimal("9.99"))));
    }

    @Test
    void module_isFoundThroughTheServiceLoader() throws Exception {
        ObjectMapper found = new ObjectMapper().findAndRegisterModules();
        assertTrue(found.getRegisteredModuleIds().contains("rfmkit"), found.getRegisteredModuleIds().toString());
        ScoringModel model = result().model();
        assertEquals(ModelJson.toJson(model).strip(), found.writerWithDefaultPrettyPrinter()
                .writeValueAsString(model).strip());
    }

    @Test
    void values_roundTrip() throws Exception {
        RfmResult result = result();
        for (ScoredCustomer c : result.rows()) {
            String json = MAPPER.writeValueAsString(c);
            assertEquals(c, MAPPER.readValue(json, ScoredCustomer.class));
        }
        assertEquals("{\"customerId\":\"c1\",\"recencyDays\":2,\"frequency\":2,\"monetary\":200.50,"
                + "\"totalAmount\":200.5000,\"score\":{\"r\":5,\"f\":5,\"m\":5},"
                + "\"segment\":{\"id\":\"CHAMPIONS\",\"displayName\":\"Champions\"}}",
                MAPPER.writeValueAsString(result.rows().get(0)));
        List<SegmentCount> counts = result.segmentCounts();
        assertEquals(counts, MAPPER.readValue(MAPPER.writeValueAsString(counts), new TypeReference<List<SegmentCount>>() {
        }));
        assertEquals(RfmScore.of(3, 1, 10), MAPPER.readValue("{\"r\":3,\"f\":1,\"m\":10}", RfmScore.class));
        assertEquals(Segment.LOST, MAPPER.readValue("{\"id\":\"LOST\",\"displayName\":\"Lost\"}", Segment.class));
        assertThrows(JsonMappingException.class, () -> MAPPER.readValue("{\"r\":0,\"f\":1,\"m\":1}", RfmScore.class));
    }

    @Test
    void everyBuiltInScheme_roundTrips() throws Exception {
        for (String name : List.of("twelve", "classic-eleven", "rfm-package", "rf-grid", "lifecycle-six", "four-stage")) {
            SegmentScheme scheme = SegmentScheme.builtIn(name).orElseThrow();
            String json = MAPPER.writeValueAsString(scheme);
            SegmentScheme back = MAPPER.readValue(json, SegmentScheme.class);
            assertEquals(SchemeJson.toJson(scheme), SchemeJson.toJson(back), name);
            assertEquals(java.util.Arrays.toString(scheme.lookupTable()), java.util.Arrays.toString(back.lookupTable()));
        }
    }

    // inside a larger document, errors name the path from its root
    @Test
    void nestedModels_andTheirErrors() throws Exception {
        ScoringModel model = ScoringStrategy.kmeans(3).fit(result().customers()).model();
        Map<String, ScoringModel> models = Map.of("nightly", model);
        String json = MAPPER.writeValueAsString(models);
        Map<String, ScoringModel> back = MAPPER.readValue(json, new TypeReference<Map<String, ScoringModel>>() {
        });
        assertEquals(ModelJson.toJson(model), ModelJson.toJson(back.get("nightly")));
        assertInstanceOf(KMeansModel.class, MAPPER.readValue(MAPPER.writeValueAsString(model), KMeansModel.class));
        String broken = json.replace("\"bins\":3", "\"bins\":1");
        JsonMappingException e = assertThrows(JsonMappingException.class, () -> MAPPER.readValue(broken,
                new TypeReference<Map<String, ScoringModel>>() {
                }));
        assertEquals("nightly.bins: must be between 2 and 10 (was 1)", e.getOriginalMessage());
        ScoringModel quantile = result().model();
        assertEquals("expected a kmeans model, found quantile", assertThrows(JsonMappingException.class,
                () -> MAPPER.readValue(MAPPER.writeValueAsString(quantile), KMeansModel.class)).getOriginalMessage());
    }

    @Test
    void ingestionReport_isWrittenWithEveryCount() throws Exception {
        assertEquals("{\"asOf\":\"2024-06-30\",\"linesRead\":6,\"includedLines\":5,\"purchaseLines\":4,"
                + "\"returnLines\":1,\"excludedLines\":1,\"excludedByReason\":{\"line_too_long\":0,\"missing_customer_id\":1,"
                + "\"bad_date\":0,\"bad_amount\":0,\"non_finite_amount\":0,\"excluded_status\":0,\"after_as_of\":0,\"before_window\":0},"
                + "\"orders\":4,\"customers\":3,\"customersWithoutOrders\":0,\"linesOfCustomersWithoutOrders\":0,"
                + "\"purchaseAmount\":248.4900,\"returnAmount\":-2.9900}", MAPPER.writeValueAsString(result().report()));
    }

    @Test
    void ingestionReport_roundTripsAndIsChecked() throws Exception {
        IngestionReport report = result().report();
        String json = MAPPER.writeValueAsString(report);
        assertEquals(report, MAPPER.readValue(json, IngestionReport.class));
        assertEquals("linesRead: 7 does not add up (the parts make 6)", assertThrows(JsonMappingException.class,
                () -> MAPPER.readValue(json.replace("\"linesRead\":6", "\"linesRead\":7"), IngestionReport.class))
                .getOriginalMessage());
        assertEquals("excludedByReason.lost_in_post: unknown reason", assertThrows(JsonMappingException.class,
                () -> MAPPER.readValue(json.replace("\"bad_date\"", "\"lost_in_post\""), IngestionReport.class))
                .getOriginalMessage());
        assertEquals("report: every customer has an order: 2 orders for 3 customers", assertThrows(
                JsonMappingException.class, () -> MAPPER.readValue(json.replace("\"orders\":4", "\"orders\":2"),
                        IngestionReport.class)).getOriginalMessage());
        assertEquals("report: amounts have at most 4 decimals (was 248.49001)", assertThrows(
                JsonMappingException.class, () -> MAPPER.readValue(json.replace("248.4900", "248.49001"),
                        IngestionReport.class)).getOriginalMessage());
        assertEquals("asOf: should be a date such as 2024-06-30 (was \"yesterday\")", assertThrows(
                JsonMappingException.class, () -> MAPPER.readValue(json.replace("2024-06-30", "yesterday"),
                        IngestionReport.class)).getOriginalMessage());
    }
}
