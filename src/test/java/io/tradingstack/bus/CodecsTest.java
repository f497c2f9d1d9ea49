package io.tradingstack.bus;

import io.tradingstack.model.Candle;
import io.tradingstack.model.Fill;
import io.tradingstack.model.Liquidity;
import io.tradingstack.model.Side;
import io.tradingstack.model.Tick;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CodecsTest {
    private static final Pattern RECORD = Pattern.compile("public record (\\w+)");

    @Test
    void everyModelRecordHasACodec() throws IOException {
        Set<String> declared = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/java/io/tradingstack/model"))) {
            for (Path f : files.toList()) {
                Matcher m = RECORD.matcher(Files.readString(f));
                while (m.find()) {
                    declared.add(m.group(1));
                }
            }
        }
        Set<String> registered = new TreeSet<>();
        Codecs.MODEL_TYPES.forEach(t -> registered.add(t.getSimpleName()));
        assertEquals(declared, registered);
    }

    @Test
    void recordsSurviveTheWireExactly() {
        Tick tick = new Tick("BTC-USD", new BigDecimal("40813.37"), new BigDecimal("40809.65"),
                new BigDecimal("40818.25"), new BigDecimal("0.0006684"), Instant.parse("2024-01-18T21:32:54.368300Z"),
                71719158645L, 596784415L, null);
        assertEquals(tick, roundTrip(tick, Tick.class));
        Fill fill = new Fill("f-1", "o-1", "ETH-USD", Side.SELL, new BigDecimal("0.01000000"), new BigDecimal("2000.10"),
                new BigDecimal("0.12000600"), Liquidity.TAKER, Instant.parse("2024-01-01T00:00:00Z"));
        assertEquals(fill, roundTrip(fill, Fill.class));
        Candle candle = new Candle("BTC-USD", 60, Instant.parse("2023-03-16T22:15:00Z"), 1, 2, 0.5, 1.5, 10);
        assertEquals(candle, roundTrip(candle, Candle.class));
    }

    /** One mapper: numbers in plain notation, or exact text in JSON bodies that may cross a clustered bus. */
    @Test
    void jsonBodiesCarryDecimalsAsExactText() {
        Fill fill = new Fill("f-2", "o-2", "BTC-USD", Side.BUY, new BigDecimal("1E-8"), new BigDecimal("65000.10"),
                new BigDecimal("0.00000001"), Liquidity.MAKER, Instant.parse("2024-01-01T00:00:00Z"));
        io.vertx.core.json.JsonObject body = Json.toJsonObject(fill);
        assertEquals("0.00000001", body.getValue("qty"));
        assertEquals("65000.10", body.getValue("price"));
        assertEquals("2024-01-01T00:00:00Z", body.getValue("time"));
        assertEquals(fill, Json.fromJson(new io.vertx.core.json.JsonObject(body.encode()), Fill.class));
        String plain = Json.write(fill);
        assertEquals(true, plain.contains("\"qty\":0.00000001,"), plain);
    }

    private static <T extends Record> T roundTrip(T value, Class<T> type) {
        RecordCodec<T> codec = new RecordCodec<>(type);
        Buffer buffer = Buffer.buffer();
        codec.encodeToWire(buffer, value);
        return codec.decodeFromWire(0, buffer);
    }
}
