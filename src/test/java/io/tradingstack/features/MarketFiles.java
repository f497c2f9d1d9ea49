package io.tradingstack.features;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradingstack.bus.Json;
import io.tradingstack.model.Candle;
import io.tradingstack.testing.MarketData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Loads the real candle files shipped in src/test/resources/market (see its README for provenance). */
public final class MarketFiles {
    private MarketFiles() {
    }

    /** Binance 1-minute candles {@code [[open_time_ms, o, h, l, c, v], ...]}, oldest first. */
    public static List<Candle> binance1m(String file, String symbol) {
        try {
            JsonNode rows = Json.MAPPER.readTree(MarketData.open(file));
            List<Candle> out = new ArrayList<>(rows.size());
            for (JsonNode r : rows) {
                out.add(new Candle(symbol, 60, Instant.ofEpochMilli(r.get(0).asLong()), r.get(1).asDouble(),
                        r.get(2).asDouble(), r.get(3).asDouble(), r.get(4).asDouble(), r.get(5).asDouble()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Candle> btc1m() {
        return binance1m("binance_BTC_USDT-1m.json", "BTC-USD");
    }

    public static List<Candle> eth1m() {
        return binance1m("binance_ETH_USDT-1m.json", "ETH-USD");
    }

    /**
     * Coinbase BTC-USD 1-hour candles, oldest first. The export is newest first, has duplicated
     * hours (the first occurrence is kept) and a still-open newest row, which is dropped.
     */
    public static List<Candle> coinbase1h() {
        List<String> lines = new String(MarketData.bytes("Coinbase_BTCUSD_1h.csv"), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        List<Candle> out = new ArrayList<>();
        for (String line : lines.subList(3, lines.size())) {
            String[] f = line.split(",");
            long t = (long) Double.parseDouble(f[0]);
            out.add(new Candle("BTC-USD", 3600, Instant.ofEpochSecond(t), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]),
                    Double.parseDouble(f[7])));
        }
        out.sort(Comparator.comparing(Candle::start));
        List<Candle> dedup = new ArrayList<>(out.size());
        for (Candle c : out) {
            if (dedup.isEmpty() || dedup.get(dedup.size() - 1).start().isBefore(c.start())) {
                dedup.add(c);
            }
        }
        return dedup;
    }
}
