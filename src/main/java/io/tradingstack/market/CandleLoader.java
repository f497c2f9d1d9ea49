package io.tradingstack.market;

import io.tradingstack.model.Candle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Loads candles for a range through a {@link CandleSource}, paginating at 300 per request, and
 * keeps what it fetched in a {@link CandleCache}: a later load fetches only the parts no cached
 * range covers. Only complete bars are cached. Plain and blocking, usable without the bus (the
 * backtester and the features warm-up use it directly or through MARKET_FETCH_CANDLES).
 */
public final class CandleLoader {
    public static final Set<Integer> GRANULARITIES = Set.of(60, 300, 900, 3600, 21600, 86400);
    /** Guard against accidental multi-year loads of 1-minute bars (one year of 5-minute bars fits). */
    public static final int MAX_BARS = 200_000;
    private static final int MAX_LISTED_GAPS = 20;
    private final CandleSource source;
    private final CandleCache cache;
    private final Clock clock;

    /** Candles oldest first, one per timestamp, and the quality report of the range. */
    public record Load(List<Candle> candles, DataQualityReport report) {
    }

    public CandleLoader(CandleSource source, CandleCache cache, Clock clock) {
        this.source = source;
        this.cache = cache;
        this.clock = clock;
    }

    public Load load(String product, int granularity, Instant start, Instant end) {
        if (!GRANULARITIES.contains(granularity)) {
            throw new IllegalArgumentException("granularity must be one of " + GRANULARITIES);
        }
        long g = granularity;
        long a = Math.floorDiv(start.getEpochSecond(), g) * g;
        long b = -Math.floorDiv(-end.getEpochSecond(), g) * g;
        if (b <= a || (b - a) / g > MAX_BARS) {
            throw new IllegalArgumentException("range must hold between 1 and " + MAX_BARS + " bars");
        }
        List<CandleCache.Range> cached = cache.ranges(product, granularity).stream().filter(r -> r.overlaps(a, b)).toList();
        List<Candle> rows = new ArrayList<>();
        int cachedBars = 0;
        for (CandleCache.Range r : cached) {
            List<Candle> part = within(cache.read(product, granularity, r), a, b);
            cachedBars += part.size();
            rows.addAll(part);
        }
        int[] counters = new int[3];
        for (CandleCache.Range m : missing(a, b, cached)) {
            rows.addAll(fetch(product, granularity, m, counters));
        }
        return new Load(dedupe(rows), report(product, granularity, a, b, rows, counters, cachedBars));
    }

    private List<Candle> fetch(String product, int granularity, CandleCache.Range range, int[] counters) {
        long step = (long) granularity * CoinbaseRest.MAX_CANDLES_PER_REQUEST;
        List<Candle> rows = new ArrayList<>();
        for (long s = range.start(); s < range.end(); s += step) {
            long e = Math.min(range.end(), s + step);
            CandlePage page = source.page(product, granularity, Instant.ofEpochSecond(s), Instant.ofEpochSecond(e - granularity));
            counters[0]++;
            counters[1] += page.invalidRows();
            rows.addAll(within(page.candles(), s, e));
        }
        counters[2] += rows.size();
        long complete = Math.floorDiv(clock.instant().getEpochSecond(), granularity) * (long) granularity;
        long cacheEnd = Math.min(range.end(), complete);
        if (cacheEnd > range.start()) {
            cache.write(product, granularity, new CandleCache.Range(range.start(), cacheEnd), within(rows, range.start(), cacheEnd));
        }
        return rows;
    }

    /** [a, b) minus the cached ranges, in order. */
    static List<CandleCache.Range> missing(long a, long b, List<CandleCache.Range> cached) {
        List<CandleCache.Range> out = new ArrayList<>();
        long cursor = a;
        for (CandleCache.Range r : cached) {
            if (r.start() > cursor) {
                out.add(new CandleCache.Range(cursor, Math.min(r.start(), b)));
            }
            cursor = Math.max(cursor, r.end());
        }
        if (cursor < b) {
            out.add(new CandleCache.Range(cursor, b));
        }
        return out;
    }

    private static List<Candle> within(List<Candle> candles, long a, long b) {
        return candles.stream().filter(c -> c.start().getEpochSecond() >= a && c.start().getEpochSecond() < b).toList();
    }

    private static List<Candle> dedupe(List<Candle> rows) {
        Map<Instant, Candle> byTime = new TreeMap<>();
        rows.forEach(c -> byTime.put(c.start(), c));
        return List.copyOf(byTime.values());
    }

    private static DataQualityReport report(String product, int g, long a, long b, List<Candle> rows, int[] counters, int cachedBars) {
        Set<Long> seen = new HashSet<>();
        int duplicates = 0;
        int zeroVolume = 0;
        for (Candle c : rows) {
            if (!seen.add(c.start().getEpochSecond())) {
                duplicates++;
            } else if (c.volume() == 0) {
                zeroVolume++;
            }
        }
        List<String> gapRanges = new ArrayList<>();
        int gaps = 0;
        int missingBars = 0;
        long gapStart = -1;
        for (long t = a; t <= b; t += g) {
            boolean absent = t < b && !seen.contains(t);
            if (absent) {
                missingBars++;
                gapStart = gapStart < 0 ? t : gapStart;
            } else if (gapStart >= 0) {
                gaps++;
                if (gapRanges.size() < MAX_LISTED_GAPS) {
                    gapRanges.add(Instant.ofEpochSecond(gapStart) + "/" + Instant.ofEpochSecond(t));
                }
                gapStart = -1;
            }
        }
        return new DataQualityReport(product, g, Instant.ofEpochSecond(a), Instant.ofEpochSecond(b), seen.size(),
                (int) ((b - a) / g), gaps, missingBars, gapRanges, duplicates, zeroVolume, counters[1], counters[0],
                cachedBars, counters[2]);
    }
}
