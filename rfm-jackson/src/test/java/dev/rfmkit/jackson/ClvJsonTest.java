package dev.rfmkit.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rfmkit.clv.BgNbd;
import dev.rfmkit.clv.GammaGamma;
import org.junit.jupiter.api.Test;

final class ClvJsonTest {
    private static final ObjectMapper MAPPER = RfmModule.newMapper();

    @Test
    void lifetimeValueModels_roundTrip() throws Exception {
        BgNbd bg = BgNbd.of(0.2425, 4.4136, 0.7929, 2.4259, -9582.43, 2357);
        String json = MAPPER.writeValueAsString(bg);
        assertEquals("{\"formatVersion\":1,\"type\":\"bg-nbd\",\"r\":0.2425,\"alpha\":4.4136,\"a\":0.7929,"
                + "\"b\":2.4259,\"logLikelihood\":-9582.43,\"customers\":2357}", json);
        assertEquals(bg, MAPPER.readValue(json, BgNbd.class));
        GammaGamma gg = GammaGamma.of(6.25, 3.74, 15.44, Double.NaN, 946, 2, Double.NaN);
        String ggJson = MAPPER.writeValueAsString(gg);
        assertEquals(gg, MAPPER.readValue(ggJson, GammaGamma.class));
        assertEquals(true, ggJson.contains("\"correlation\":null"));
    }

    @Test
    void badModels_nameTheField() {
        String json = "{\"formatVersion\":2,\"type\":\"bg-nbd\",\"r\":1,\"alpha\":1,\"a\":1,\"b\":1,"
                + "\"logLikelihood\":null,\"customers\":1}";
        assertEquals("formatVersion: version 2 is newer than this version of rfmkit reads (1); upgrade rfmkit to read it",
                assertThrows(JsonMappingException.class, () -> MAPPER.readValue(json, BgNbd.class)).getOriginalMessage());
        assertEquals("alpha: should be a positive number (was -1)", assertThrows(JsonMappingException.class,
                () -> MAPPER.readValue(json.replace("2,", "1,").replace("\"alpha\":1", "\"alpha\":-1"), BgNbd.class))
                .getOriginalMessage());
        assertEquals("type: should be \"gamma-gamma\" (was \"bg-nbd\")", assertThrows(JsonMappingException.class,
                () -> MAPPER.readValue(json.replace("2,", "1,"), GammaGamma.class)).getOriginalMessage());
    }
}
