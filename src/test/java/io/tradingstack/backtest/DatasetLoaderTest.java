package io.tradingstack.backtest;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetLoaderTest {

    @TempDir
    Path dir;

    @Test
    void genericCsvWithEveryTimestampFormAndEveryDefect() throws Exception {
        Path f = dir.resolve("candles.csv");
        Files.writeString(f, String.join("\n",
                "timestamp,open,high,low,close,volume",
                "1704067200,100,101,99,100.5,10",            // 00:00 epoch seconds
                "2024-01-01T00:03:00Z,103,104,102,103.5,0",  // ISO, zero volume, after a 2-bar gap
                "1704067260000,101,102,100,101.5,11",        // 00:01 epoch ms, out of order
                "1704067260,101,102,100,999,11",             // duplicate of 00:01 (later in file: dropped)
                "1704067440,1,0.5,2,1,1",                    // high below low: invalid
                "not-a-time,1,1,1,1,1",                      // invalid
                "2024-01-01 00:06:00,106,107,105,106.5,12"));
        Dataset d = DatasetLoader.load(f, "BTC-USD", null);
        assertEquals("1m", d.timeframe());
        assertEquals(4, d.candles().size());
        assertEquals(Instant.parse("2024-01-01T00:01:00Z"), d.candles().get(1).start());
        assertEquals(101.5, d.candles().get(1).close(), "first row in file order wins");
        DataIssues i = d.issues();
        assertEquals(1, i.duplicateTimestamps());
        assertEquals(2, i.invalidRows());
        assertEquals(1, i.zeroVolumeBars());
        assertEquals(2, i.gaps());
        assertTrue(i.unsortedRows() >= 1);
        assertEquals(3L, i.toJson().get("missing_bars"));
    }

    @Test
    void cryptoDataDownloadCsvIsNewestFirstWithABanner() {
        Dataset d = DatasetLoader.load(io.tradingstack.testing.MarketData.file("Coinbase_BTCUSD_1h.csv"), null, null);
        assertEquals("BTC-USD", d.symbol());
        assertEquals("1h", d.timeframe());
        assertEquals(28_960, d.candles().size());
        assertTrue((Boolean) d.issues().toJson().get("newest_first"));
        assertEquals(5, d.issues().duplicateTimestamps());
        assertEquals(2, d.issues().gaps());
        assertEquals(34, d.issues().zeroVolumeBars());
        assertTrue(d.candles().get(0).start().isBefore(d.candles().get(1).start()));
    }

    @Test
    void freqtradeJsonTakesSymbolAndTimeframeFromTheFile() {
        Dataset d = DatasetLoader.load(io.tradingstack.testing.MarketData.file("binance_ETH_USDT-1m.json"), null, null);
        assertEquals("ETH-USDT", d.symbol());
        assertEquals("1m", d.timeframe());
        assertEquals(66_087, d.candles().size());
        assertEquals(1, d.issues().gaps(), "the 80-minute halt of 2023-03-24");
    }

    @Test
    void tradesAreNotCandles() {
        CodedException e = assertThrows(CodedException.class,
                () -> DatasetLoader.load(io.tradingstack.testing.MarketData.file("coinbase_rest_BTC-USD_trades_2016-05-12.json"), null, null));
        assertEquals(ErrorCode.BACKTEST_BAD_DATA, e.code());
        assertTrue(e.getMessage().contains("not a candle array"));
    }

    @Test
    void resamplingDropsTheUnfinishedLastBucket() {
        Dataset d = DatasetLoader.load(io.tradingstack.testing.MarketData.file("binance_BTC_USDT-1m.json"), null, null);
        Dataset h = Resampler.resample(d, "1h");
        assertEquals(3600, h.granularitySec());
        assertTrue(h.candles().size() > 1000 && h.candles().size() < 1110);
        assertEquals(d.candles().get(0).end().getEpochSecond() <= h.candles().get(0).end().getEpochSecond(), true);
        CodedException e = assertThrows(CodedException.class, () -> Resampler.resample(h, "1m"));
        assertEquals(ErrorCode.BACKTEST_BAD_ARGUMENTS, e.code());
    }
}
