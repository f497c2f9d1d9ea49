package io.tradingstack.agents.prompts;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified line diff (the format of {@code diff -u}, three lines of context) between two prompt
 * texts, by longest common subsequence. Prompts are short; past {@link #MAX_CELLS} the diff is the
 * whole old text removed and the new one added, still a valid unified diff.
 */
final class PromptDiff {
    static final int CONTEXT = 3;
    static final long MAX_CELLS = 4_000_000L;

    private PromptDiff() {
    }

    /** The diff from {@code before} (labelled {@code from}) to {@code after} (labelled {@code to}); empty when equal. */
    static String unified(String from, String before, String to, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        List<Op> ops = (long) a.size() * b.size() > MAX_CELLS ? replaceAll(a, b) : lcs(a, b);
        if (ops.stream().allMatch(o -> o.kind == ' ')) {
            return "";
        }
        StringBuilder out = new StringBuilder("--- ").append(from).append('\n').append("+++ ").append(to).append('\n');
        for (int[] h : hunks(ops)) {
            hunk(out, ops, h[0], h[1]);
        }
        return out.toString();
    }

    private record Op(char kind, String line, int oldLine, int newLine) {
    }

    private static List<Op> lcs(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int[][] len = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                len[i][j] = a.get(i).equals(b.get(j)) ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
            }
        }
        List<Op> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        // on a tie, removals come before additions (as diff -u prints a changed line)
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                ops.add(new Op(' ', a.get(i), i++, j++));
            } else if (i < n && (j == m || len[i + 1][j] >= len[i][j + 1])) {
                ops.add(new Op('-', a.get(i), i++, j));
            } else {
                ops.add(new Op('+', b.get(j), i, j++));
            }
        }
        return ops;
    }

    private static List<Op> replaceAll(List<String> a, List<String> b) {
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            ops.add(new Op('-', a.get(i), i, 0));
        }
        for (int j = 0; j < b.size(); j++) {
            ops.add(new Op('+', b.get(j), a.size(), j));
        }
        return ops;
    }

    /** Ranges [start, end) of ops: each change with its context, ranges closer than 2 × context merged. */
    private static List<int[]> hunks(List<Op> ops) {
        List<int[]> out = new ArrayList<>();
        for (int k = 0; k < ops.size(); k++) {
            if (ops.get(k).kind == ' ') {
                continue;
            }
            int start = Math.max(0, k - CONTEXT);
            int end = Math.min(ops.size(), k + 1 + CONTEXT);
            int[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && start <= last[1]) {
                last[1] = end;
            } else {
                out.add(new int[]{start, end});
            }
        }
        return out;
    }

    private static void hunk(StringBuilder out, List<Op> ops, int start, int end) {
        int oldCount = 0;
        int newCount = 0;
        for (int k = start; k < end; k++) {
            oldCount += ops.get(k).kind != '+' ? 1 : 0;
            newCount += ops.get(k).kind != '-' ? 1 : 0;
        }
        Op first = ops.get(start);
        out.append("@@ -").append(range(first.oldLine, oldCount)).append(" +").append(range(first.newLine, newCount))
                .append(" @@\n");
        for (int k = start; k < end; k++) {
            out.append(ops.get(k).kind).append(ops.get(k).line).append('\n');
        }
    }

    /** diff -u's range: 1-based start and count; an empty range names the line before it. */
    private static String range(int zeroBasedStart, int count) {
        return (count == 0 ? zeroBasedStart : zeroBasedStart + 1) + "," + count;
    }
}
