package io.tradingstack.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import io.tradingstack.testing.MarketData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A long run's curve: every point in equity.csv.gz, at most 2,000 in report.json, and the sample
 * keeps the first and last points, the extremes and the maximum drawdown, each at its exact value.
 */
class EquityCurveFilesTest {

    @Test
    void fullCurveInTheGzipCsvAndAFaithfulSampleInTheReport(@TempDir Path dir) throws Exception {
        Path data = MarketData.file("binance_BTC_USDT-1m.json");
        BacktestRequest req = new BacktestRequest(List.of(data.toString()), List.of("BTC-USD"), null, null, null, "ema-rsi-atr",
                null, null, null, null, null, null, null, dir.toString());
        BacktestRunner.Outcome outcome = BacktestRunner.run(req, ProgressListener.NONE);
        List<String[]> full = readCsv(dir.resolve("equity.csv.gz"));
        JsonNode report = ReportMapper.MAPPER.readTree(Files.readString(dir.resolve("report.json")));

        assertEquals(outcome.result().equity().size(), full.size(), "one row per point");
        assertEquals(full.size(), report.get("equity_curve_full").get("points").asInt());
        JsonNode sample = report.get("equity_curve");
        assertTrue(sample.size() <= CurveSample.MAX_POINTS && sample.size() > 100, "sample of " + sample.size());

        Map<String, String> byTime = new HashMap<>();
        full.forEach(r -> byTime.put(r[0], r[1]));
        for (JsonNode p : sample) {
            assertEquals(0, new BigDecimal(byTime.get(p.get("time").asText())).compareTo(new BigDecimal(p.get("equity").asText())),
                    "sampled point equals the full curve's at " + p.get("time").asText());
        }
        assertEquals(full.get(0)[0], sample.get(0).get("time").asText());
        assertEquals(full.get(full.size() - 1)[0], sample.get(sample.size() - 1).get("time").asText());

        BigDecimal min = null;
        BigDecimal max = null;
        BigDecimal peak = null;
        BigDecimal worst = BigDecimal.ZERO;
        for (String[] r : full) {
            BigDecimal e = new BigDecimal(r[1]);
            min = min == null || e.compareTo(min) < 0 ? e : min;
            max = max == null || e.compareTo(max) > 0 ? e : max;
            peak = peak == null || e.compareTo(peak) > 0 ? e : peak;
            BigDecimal dd = peak.subtract(e).divide(peak, MathContext.DECIMAL128);
            worst = dd.compareTo(worst) > 0 ? dd : worst;
        }
        assertTrue(contains(sample, min) && contains(sample, max), "extremes kept");
        BigDecimal reported = new BigDecimal(report.get("metrics").get("max_drawdown").asText());
        assertEquals(0, worst.setScale(reported.scale(), RoundingMode.HALF_EVEN).compareTo(reported),
                "max drawdown of the full curve " + worst + " vs reported " + reported);
        BigDecimal sampledWorst = BigDecimal.ZERO;
        BigDecimal sampledPeak = null;
        for (JsonNode p : sample) {
            BigDecimal e = new BigDecimal(p.get("equity").asText());
            sampledPeak = sampledPeak == null || e.compareTo(sampledPeak) > 0 ? e : sampledPeak;
            BigDecimal dd = sampledPeak.subtract(e).divide(sampledPeak, MathContext.DECIMAL128);
            sampledWorst = dd.compareTo(sampledWorst) > 0 ? dd : sampledWorst;
        }
        assertEquals(0, worst.compareTo(sampledWorst), "the sample shows the same maximum drawdown");
    }

    private static boolean contains(JsonNode sample, BigDecimal v) {
        for (JsonNode p : sample) {
            if (new BigDecimal(p.get("equity").asText()).compareTo(v) == 0) {
                return true;
            }
        }
        return false;
    }

    private static List<String[]> readCsv(Path file) throws Exception {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.US_ASCII))) {
            assertEquals("time,equity,cash", r.readLine());
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows.add(line.split(","));
            }
        }
        return rows;
    }
}
