package io.tradingstack.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.model.Candle;
import io.tradingstack.model.FeatureVector;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ta4j.core.Bar;

class MetricsCatalogueTest {
    private static final MetricsCatalogue CATALOGUE = new MetricsCatalogue();
    private static List<Bar> bars;
    private static FeatureVector last;

    @BeforeAll
    static void load() {
        FeatureEngine e = new FeatureEngine("BTC-USD", "1h", 500);
        for (Candle c : MarketFiles.coinbase1h().subList(0, 2_000)) {
            last = e.onCandle(c);
        }
        bars = e.series().getBarData();
    }

    private static JsonObject compute(JsonObject req) {
        return CATALOGUE.compute(MetricsRequest.parse(req, 500), bars);
    }

    @Test
    void listsAtLeastThirtyMetricsWithParametersAndDefaults() {
        JsonObject list = CATALOGUE.list();
        assertTrue(list.getInteger("count") >= 30, "count " + list.getInteger("count"));
        assertEquals(list.getInteger("count"), list.getJsonArray("metrics").size());
        for (Object o : list.getJsonArray("catalogue")) {
            JsonObject m = (JsonObject) o;
            assertTrue(!m.getString("description").isBlank() && !m.getJsonArray("columns").isEmpty(), m.encode());
            for (Object p : m.getJsonArray("params")) {
                JsonObject param = (JsonObject) p;
                assertTrue(param.containsKey("default") && param.containsKey("min") && param.containsKey("max"), param.encode());
            }
        }
    }

    @Test
    void everyMetricComputesInWideAndLongShape() {
        JsonObject wide = compute(new JsonObject().put("symbol", "btc-usd").put("timeframe", "1h").put("tail", 5));
        assertEquals(500, wide.getInteger("rows"));
        assertEquals("BTC-USD", wide.getString("symbol"));
        JsonArray preview = wide.getJsonArray("preview");
        assertEquals(5, preview.size());
        JsonArray columns = wide.getJsonArray("columns");
        JsonObject lastRow = preview.getJsonObject(4);
        for (Object c : columns) {
            assertTrue(lastRow.containsKey((String) c), "column " + c);
            assertTrue(lastRow.getValue((String) c) != null, "column " + c + " defined after 500 bars");
        }
        assertTrue(columns.contains("RSI_14") && columns.contains("MACD_12_26_9_signal")
                && columns.contains("BBANDS_20_2.0_pct_b") && columns.contains("ADX_14_plus_di"), columns.encode());

        JsonObject lng = compute(new JsonObject().put("symbol", "BTC-USD").put("features", new JsonArray().add("rsi").add("MACD"))
                .put("output", "long").put("tail", 3));
        assertEquals(3 * 4, lng.getJsonArray("preview").size(), "tail x columns");
        JsonObject row = lng.getJsonArray("preview").getJsonObject(0);
        assertEquals("RSI", row.getString("feature"));
        assertEquals("RSI_14", row.getString("key"));
    }

    @Test
    void catalogueAgreesWithTheStreamingEngine() {
        JsonObject out = compute(new JsonObject().put("symbol", "BTC-USD")
                .put("features", new JsonArray().add("RSI").add("SMA").add("BBANDS").add("ATR").add("ROC"))
                .put("params", new JsonObject().put("ROC", new JsonObject().put("period", 1))).put("tail", 1));
        JsonObject row = out.getJsonArray("preview").getJsonObject(0);
        assertEquals(last.rsi14(), row.getDouble("RSI_14"), 1e-7);
        assertEquals(last.atr14(), row.getDouble("ATR_14"), 1e-8 * last.atr14());
        assertEquals(last.sma20(), row.getDouble("SMA_20"), 1e-9 * last.sma20());
        assertEquals(last.bbUpper(), row.getDouble("BBANDS_20_2.0_upper"), 1e-9 * last.bbUpper());
        assertEquals(last.bbPercentB(), row.getDouble("BBANDS_20_2.0_pct_b"), 1e-6);
        assertEquals(last.return1(), row.getDouble("ROC_1"), 1e-12);
        assertEquals(last.lastPrice(), row.getDouble("close"));
    }

    @Test
    void parametersChangeColumnsAndWarmUpIsNull() {
        JsonObject out = compute(new JsonObject().put("symbol", "BTC-USD").put("limit", 30).put("tail", 30)
                .put("features", "SMA,BBANDS").put("params", new JsonObject()
                        .put("sma", new JsonObject().put("period", 25))
                        .put("BBANDS", new JsonObject().put("k", 2.5))));
        assertEquals(30, out.getInteger("rows"));
        JsonObject first = out.getJsonArray("preview").getJsonObject(0);
        assertTrue(first.containsKey("SMA_25"));
        assertNull(first.getValue("SMA_25"), "unstable bars are null");
        assertTrue(first.containsKey("BBANDS_20_2.5_upper"));
        assertTrue(out.getJsonArray("preview").getJsonObject(29).getValue("SMA_25") != null);
    }

    @Test
    void unknownNamesAndBadParametersSayWhatIsAccepted() {
        CodedException unknown = assertThrows(CodedException.class,
                () -> compute(new JsonObject().put("symbol", "BTC-USD").put("features", new JsonArray().add("FOO"))));
        assertEquals(ErrorCode.FEATURES_UNKNOWN_INDICATOR, unknown.code());
        assertTrue(unknown.getMessage().contains("accepted: SMA, EMA"), unknown.getMessage());

        CodedException badName = assertThrows(CodedException.class, () -> compute(new JsonObject().put("symbol", "BTC-USD")
                .put("params", new JsonObject().put("RSI", new JsonObject().put("length", 3)))));
        assertEquals(ErrorCode.FEATURES_BAD_PARAMETER, badName.code());
        assertTrue(badName.getMessage().contains("period (an integer in [1, 1000], default 14)"), badName.getMessage());

        CodedException badValue = assertThrows(CodedException.class, () -> compute(new JsonObject().put("symbol", "BTC-USD")
                .put("params", new JsonObject().put("RSI", new JsonObject().put("period", 2.5)))));
        assertEquals(ErrorCode.FEATURES_BAD_PARAMETER, badValue.code());

        for (JsonObject bad : List.of(new JsonObject(), new JsonObject().put("symbol", "BTC-USD").put("output", "tall"),
                new JsonObject().put("symbol", "BTC-USD").put("limit", 0),
                new JsonObject().put("symbol", "BTC-USD").put("timeframe", "7x"))) {
            CodedException e = assertThrows(CodedException.class, () -> compute(bad), bad.encode());
            assertEquals(ErrorCode.FEATURES_BAD_PARAMETER, e.code());
        }
        CodedException empty = assertThrows(CodedException.class,
                () -> CATALOGUE.compute(MetricsRequest.parse(new JsonObject().put("symbol", "X-Y"), 500), List.of()));
        assertEquals(ErrorCode.FEATURES_NOT_WARM, empty.code());
    }

    /** The compute body: the endpoint's own bound gives the message parse gives, and the record survives the wire. */
    @Test
    void requestRecordIsCheckedAgainstTheEndpointBoundAndTravels() {
        JsonObject body = new JsonObject().put("symbol", "eth-usd").put("timeframe", "15m").put("limit", 800)
                .put("features", new JsonArray().add("RSI")).put("params", new JsonObject().put("RSI", new JsonObject().put("period", 9)))
                .put("fetch_if_missing", false);
        CodedException atEdge = assertThrows(CodedException.class, () -> MetricsRequest.parse(body, 500));
        MetricsRequest req = MetricsRequest.parse(body, 1000);
        CodedException atEndpoint = assertThrows(CodedException.class, () -> req.checkLimits(500));
        assertEquals(ErrorCode.FEATURES_BAD_PARAMETER, atEndpoint.code());
        assertEquals(atEdge.getMessage(), atEndpoint.getMessage());
        assertEquals(false, req.fetchIfMissing());
        assertEquals("ETH-USD", req.symbol());

        io.tradingstack.bus.RecordCodec<MetricsRequest> codec = new io.tradingstack.bus.RecordCodec<>(MetricsRequest.class);
        io.vertx.core.buffer.Buffer wire = io.vertx.core.buffer.Buffer.buffer();
        codec.encodeToWire(wire, req);
        MetricsRequest received = codec.decodeFromWire(0, wire);
        assertEquals(req.params().get("RSI").get("period"), ((Number) received.params().get("RSI").get("period")).intValue());
        assertEquals(List.of("RSI"), received.features());
        assertEquals(req.checkLimits(1000).limit(), received.limit());
        MetricsRequest built = new MetricsRequest("btc-usd", " 5M ", 10, List.of("RSI"), null, true, 5, true);
        assertEquals("5m", built.timeframe());
        assertEquals("BTC-USD", built.symbol());
        assertEquals(ErrorCode.FEATURES_BAD_PARAMETER, assertThrows(CodedException.class,
                () -> new MetricsRequest("BTC-USD", "1h", 0, null, null, true, 5, true)).code());
    }

    /** Every column of every catalogue metric: null inside its warm-up, a number from the first defined bar on. */
    @Test
    void everyColumnIsNullExactlyInsideItsWarmUp() {
        for (MetricDef def : CATALOGUE.definitions()) {
            for (boolean custom : List.of(false, true)) {
                JsonObject params = new JsonObject();
                double[] values = def.defaults();
                if (custom && !def.params().isEmpty() && def.params().get(0).integer()) {
                    values[0] = values[0] + 3;
                    params.put(def.name(), new JsonObject().put(def.params().get(0).name(), (long) values[0]));
                }
                JsonObject out = compute(new JsonObject().put("symbol", "BTC-USD").put("limit", 200).put("tail", 200)
                        .put("features", new JsonArray().add(def.name())).put("params", params));
                JsonArray rows = out.getJsonArray("preview");
                String base = def.columnBase(values);
                for (String key : def.outputs()) {
                    String column = MetricDef.column(base, key);
                    int warm = MetricWarmup.bars(def.name(), key, values);
                    for (int i = 0; i < warm; i++) {
                        assertNull(rows.getJsonObject(i).getValue(column), column + " row " + i + " is inside the warm-up of " + warm);
                    }
                    Object first = rows.getJsonObject(warm).getValue(column);
                    assertTrue(first instanceof Number, column + " is defined at bar " + warm + ": " + first);
                }
            }
        }
    }
}
