package io.tradingstack.backtest.sweep;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rolling walk-forward windows: a training span, the test span right after it, and the step by
 * which both move; lengths in seconds. Windows end at the data's end: a window whose test span
 * would reach past it is not made.
 */
public record WalkForward(long trainSec, long testSec, long stepSec) {
    private static final Pattern LENGTH = Pattern.compile("^([1-9][0-9]{0,5})([mhdw])$");

    public WalkForward {
        if (trainSec <= 0 || testSec <= 0 || stepSec <= 0) {
            throw new CodedException(ErrorCode.SWEEP_BAD_GRID, "walk-forward train, test and step must be > 0");
        }
    }

    /** Parses {@code train=30d,test=7d,step=7d} (units m, h, d, w); step defaults to test. */
    public static WalkForward parse(String text) {
        Map<String, Long> parts = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String[] kv = part.trim().split("=", 2);
            if (kv.length != 2 || !List.of("train", "test", "step").contains(kv[0].trim())) {
                throw new CodedException(ErrorCode.SWEEP_BAD_GRID, "walk-forward must look like train=30d,test=7d,step=7d; got '"
                        + text + "'");
            }
            parts.put(kv[0].trim(), seconds(kv[1].trim()));
        }
        if (!parts.containsKey("train") || !parts.containsKey("test")) {
            throw new CodedException(ErrorCode.SWEEP_BAD_GRID, "walk-forward needs train= and test=; got '" + text + "'");
        }
        return new WalkForward(parts.get("train"), parts.get("test"), parts.getOrDefault("step", parts.get("test")));
    }

    static long seconds(String length) {
        Matcher m = LENGTH.matcher(length);
        if (!m.matches()) {
            throw new CodedException(ErrorCode.SWEEP_BAD_GRID, "bad length '" + length + "'; expected e.g. 90m, 12h, 30d, 2w");
        }
        long unit = switch (m.group(2)) {
            case "m" -> 60L;
            case "h" -> 3_600L;
            case "d" -> 86_400L;
            default -> 604_800L;
        };
        return Long.parseLong(m.group(1)) * unit;
    }

    /** The windows over data spanning [from, to), first training span starting at {@code from}. */
    public List<Window> windows(long from, long to) {
        List<Window> out = new ArrayList<>();
        for (long start = from; start + trainSec + testSec <= to; start += stepSec) {
            long split = start + trainSec;
            out.add(new Window(out.size(), start, split, split, split + testSec));
        }
        return out;
    }

    /** As written on the command line. */
    public String describe() {
        return "train=" + text(trainSec) + ",test=" + text(testSec) + ",step=" + text(stepSec);
    }

    private static String text(long sec) {
        if (sec % 86_400 == 0) {
            return sec / 86_400 + "d";
        }
        return sec % 3_600 == 0 ? sec / 3_600 + "h" : sec / 60 + "m";
    }
}
