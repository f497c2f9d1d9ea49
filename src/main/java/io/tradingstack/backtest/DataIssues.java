package io.tradingstack.backtest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the data policy found and did (reported as {@code data_issues}). Examples are capped so a
 * damaged file cannot blow up the report. See docs/backtest.md for the policy.
 */
public final class DataIssues {
    static final int MAX_EXAMPLES = 20;

    long rowsRead;
    long invalidRows;
    long unsortedRows;
    boolean newestFirst;
    long duplicateTimestamps;
    long gaps;
    long missingBars;
    long zeroVolumeBars;
    final List<String> invalidExamples = new ArrayList<>();
    final List<String> duplicateExamples = new ArrayList<>();
    final List<String> gapExamples = new ArrayList<>();

    void example(List<String> list, String text) {
        if (list.size() < MAX_EXAMPLES) {
            list.add(text);
        }
    }

    public long duplicateTimestamps() {
        return duplicateTimestamps;
    }

    public long gaps() {
        return gaps;
    }

    public long zeroVolumeBars() {
        return zeroVolumeBars;
    }

    public long unsortedRows() {
        return unsortedRows;
    }

    public long invalidRows() {
        return invalidRows;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows_read", rowsRead);
        m.put("invalid_rows", invalidRows);
        m.put("invalid_examples", invalidExamples);
        m.put("newest_first", newestFirst);
        m.put("unsorted_rows", unsortedRows);
        m.put("duplicate_timestamps", duplicateTimestamps);
        m.put("duplicate_examples", duplicateExamples);
        m.put("gaps", gaps);
        m.put("missing_bars", missingBars);
        m.put("gap_examples", gapExamples);
        m.put("zero_volume_bars", zeroVolumeBars);
        Map<String, String> policy = new LinkedHashMap<>();
        policy.put("unsorted", "sorted ascending by timestamp");
        policy.put("duplicates", "first row in file order kept, later ones dropped");
        policy.put("gaps", "reported, not filled; indicators see consecutive bars");
        policy.put("zero_volume", "kept (prices are valid), counted");
        policy.put("invalid", "rows that do not parse or violate OHLC are dropped and counted");
        m.put("policy", policy);
        return m;
    }
}
