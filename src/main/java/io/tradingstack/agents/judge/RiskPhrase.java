package io.tradingstack.agents.judge;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a plain risk instruction ("cut risk by 25% until two winning days", "cap risk at 10%",
 * "halve BTC-USD size for 3 days") with a small grammar, not patterns over the whole text:
 * <pre>
 * phrase  := action [end]
 * action  := (cut|reduce|lower|trim) target by PCT      multiplier 1 - p
 *          | (raise|increase) target by PCT             multiplier 1 + p
 *          | (cap|limit|set) target (at|to) (PCT | NUM x) multiplier p (or NUM)
 *          | halve target | double target              0.5 | 2
 * target  := [the] [global|overall|all] [SYMBOL] [risk|size|sizes|sizing|exposure|position [size|sizes]]
 *            [(for|on) SYMBOL]                          at least one word
 * end     := until NUM (winning|green|profitable) day[s] | for NUM (day[s]|week[s]) | until YYYY-MM-DD
 * </pre>
 * A phrase that asks to stop trading (stop, halt, disable, pause, "cut by 100%") is refused with
 * JUDGE_ADJUSTMENT_REFUSED; anything else outside the grammar with JUDGE_BAD_PHRASE. Clamping to
 * the floors is {@link AdjustmentPolicy}'s job: "cap risk at 10%" reads as 0.10 here.
 */
public final class RiskPhrase {
    public static final int MAX_LENGTH = 300;
    private static final Set<String> SWITCH_OFF = Set.of("stop", "halt", "disable", "pause", "suspend", "off", "zero");
    private static final Set<String> TARGET_WORDS = Set.of("risk", "size", "sizes", "sizing", "exposure", "position", "positions");
    private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("a", 1),
            Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10));
    private final List<String> tokens;
    private int at;
    private String symbol;

    private RiskPhrase(List<String> tokens) {
        this.tokens = tokens;
    }

    /** The proposal a phrase states; the phrase itself is its reason. */
    public static AdjustmentProposal parse(String phrase) {
        if (phrase == null || phrase.isBlank() || phrase.length() > MAX_LENGTH) {
            throw bad("a risk phrase is 1-" + MAX_LENGTH + " characters");
        }
        List<String> tokens = tokenize(phrase);
        for (String t : tokens) {
            if (SWITCH_OFF.contains(t)) {
                throw new CodedException(ErrorCode.JUDGE_ADJUSTMENT_REFUSED,
                        "the judge never switches trading off ('" + t + "'); the lowest it goes is the minimum multiplier");
            }
        }
        return new RiskPhrase(tokens).phrase(phrase.trim());
    }

    private AdjustmentProposal phrase(String text) {
        BigDecimal multiplier = action();
        AdjustmentProposal end = end();
        if (at < tokens.size()) {
            throw bad("did not understand '" + String.join(" ", tokens.subList(at, tokens.size())) + "'");
        }
        if (multiplier.signum() <= 0) {
            throw new CodedException(ErrorCode.JUDGE_ADJUSTMENT_REFUSED, "a multiplier of " + multiplier.toPlainString()
                    + " would switch trading off; the lowest the judge goes is the minimum multiplier");
        }
        return new AdjustmentProposal(symbol, multiplier, end.days(), end.until(), end.untilWinningDays(), text);
    }

    private BigDecimal action() {
        String verb = next("an action (cut, raise, cap, halve, double)");
        return switch (verb) {
            case "cut", "reduce", "lower", "trim" -> {
                target();
                expect("by");
                yield BigDecimal.ONE.subtract(percent());
            }
            case "raise", "increase" -> {
                target();
                expect("by");
                yield BigDecimal.ONE.add(percent());
            }
            case "cap", "limit", "set" -> {
                target();
                if (!accept("at") && !accept("to")) {
                    throw bad("expected 'at' or 'to' after '" + verb + "'");
                }
                yield level();
            }
            case "halve" -> {
                target();
                yield new BigDecimal("0.5");
            }
            case "double" -> {
                target();
                yield new BigDecimal("2");
            }
            default -> throw bad("unknown action '" + verb + "' (cut, reduce, raise, cap, halve, double)");
        };
    }

    /** [the] [global|overall|all] [SYMBOL] [target words] [(for|on) SYMBOL]: at least one word. */
    private void target() {
        int from = at;
        accept("the");
        if (!accept("global") && !accept("overall")) {
            accept("all");
        }
        acceptSymbol();
        while (at < tokens.size() && TARGET_WORDS.contains(tokens.get(at))) {
            at++;
        }
        if (symbol == null && at + 1 < tokens.size() && (peek("for") || peek("on")) && isSymbol(tokens.get(at + 1))) {
            at++;
            acceptSymbol();
        }
        if (at == from) {
            throw bad("expected what to change (risk, size, or a symbol such as BTC-USD)");
        }
    }

    private AdjustmentProposal end() {
        if (accept("until")) {
            String t = next("a number of winning days or a date");
            if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
                try {
                    return new AdjustmentProposal(null, BigDecimal.ONE, null, LocalDate.parse(t), null, null);
                } catch (DateTimeParseException e) {
                    throw bad("not a date: " + t);
                }
            }
            int n = number(t);
            if (!accept("winning") && !accept("green") && !accept("profitable")) {
                throw bad("expected 'winning days' after 'until " + t + "'");
            }
            expectDays();
            return new AdjustmentProposal(null, BigDecimal.ONE, null, null, n, null);
        }
        if (accept("for")) {
            int n = number(next("a number of days"));
            String unit = next("days or weeks");
            int days = switch (unit) {
                case "day", "days" -> n;
                case "week", "weeks" -> n * 7;
                default -> throw bad("expected days or weeks, got '" + unit + "'");
            };
            return new AdjustmentProposal(null, BigDecimal.ONE, days, null, null, null);
        }
        return new AdjustmentProposal(null, BigDecimal.ONE, null, null, null, null);
    }

    private void expectDays() {
        if (!accept("day") && !accept("days")) {
            throw bad("expected 'days'");
        }
    }

    /** PCT as a fraction: "25%", "25 %", "25 percent". */
    private BigDecimal percent() {
        String t = next("a percentage");
        BigDecimal value = decimal(t.endsWith("%") ? t.substring(0, t.length() - 1) : t);
        if (!t.endsWith("%") && !accept("%") && !accept("percent") && !accept("pct")) {
            throw bad("expected a percentage such as 25%, got '" + t + "'");
        }
        return value.movePointLeft(2);
    }

    /** A level: a percentage of the normal limits, or a factor "0.5x" / "0.5 x". */
    private BigDecimal level() {
        String t = peekToken();
        if (t != null && t.endsWith("x") && t.length() > 1) {
            at++;
            return decimal(t.substring(0, t.length() - 1));
        }
        if (t != null && at + 1 < tokens.size() && tokens.get(at + 1).equals("x")) {
            at += 2;
            return decimal(t);
        }
        return percent();
    }

    private int number(String t) {
        Integer word = NUMBER_WORDS.get(t);
        if (word != null) {
            return word;
        }
        try {
            int n = Integer.parseInt(t);
            if (n < 1 || n > 30) {
                throw bad("a count of days is 1-30, got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw bad("expected a number, got '" + t + "'");
        }
    }

    private static BigDecimal decimal(String t) {
        try {
            BigDecimal v = new BigDecimal(t);
            if (v.signum() < 0 || v.compareTo(new BigDecimal("1000")) > 0) {
                throw bad("a figure is 0-1000, got " + t);
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad("expected a number, got '" + t + "'");
        }
    }

    private void acceptSymbol() {
        if (symbol == null && at < tokens.size() && isSymbol(tokens.get(at))) {
            symbol = tokens.get(at).toUpperCase(Locale.ROOT);
            at++;
            accept("'s");
        }
    }

    private static boolean isSymbol(String t) {
        return t.matches("[a-z0-9]{2,10}-[a-z0-9]{2,10}");
    }

    private boolean accept(String word) {
        if (peek(word)) {
            at++;
            return true;
        }
        return false;
    }

    private boolean peek(String word) {
        return at < tokens.size() && tokens.get(at).equals(word);
    }

    private String peekToken() {
        return at < tokens.size() ? tokens.get(at) : null;
    }

    private void expect(String word) {
        if (!accept(word)) {
            throw bad("expected '" + word + "'" + (at < tokens.size() ? ", got '" + tokens.get(at) + "'" : " at the end"));
        }
    }

    private String next(String what) {
        if (at >= tokens.size()) {
            throw bad("expected " + what + " at the end");
        }
        return tokens.get(at++);
    }

    /** Lower-case words; a trailing full stop or comma dropped; "BTC-USD's" split into the symbol and "'s". */
    static List<String> tokenize(String phrase) {
        List<String> out = new ArrayList<>();
        for (String raw : phrase.toLowerCase(Locale.ROOT).replace(",", " ").replace(";", " ").trim().split("\\s+")) {
            String t = raw.endsWith(".") && !raw.matches(".*\\d\\.$") ? raw.substring(0, raw.length() - 1) : raw;
            t = t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
            if (t.endsWith("'s")) {
                out.add(t.substring(0, t.length() - 2));
                out.add("'s");
            } else if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private static CodedException bad(String message) {
        return new CodedException(ErrorCode.JUDGE_BAD_PHRASE, message);
    }
}
