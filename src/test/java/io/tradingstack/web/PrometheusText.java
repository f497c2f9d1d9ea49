package io.tradingstack.web;

import java.util.function.Predicate;

/** Reads series out of a Prometheus text exposition (what a scraper sees), summing the samples that match. */
final class PrometheusText {
    private final String text;

    PrometheusText(String text) {
        this.text = text;
    }

    /** The sum of the samples of {@code name} whose label set contains every given {@code key="value"}; -1 when none. */
    double sum(String name, String... labels) {
        return sum(name, line -> {
            for (String label : labels) {
                if (!line.contains(label)) {
                    return false;
                }
            }
            return true;
        });
    }

    double sum(String name, Predicate<String> filter) {
        double total = 0;
        boolean seen = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            if (filter.test(line)) {
                total += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                seen = true;
            }
        }
        return seen ? total : -1;
    }

    /** True when a series whose name starts with {@code prefix} is exposed. */
    boolean hasFamily(String prefix) {
        for (String line : text.split("\n")) {
            if (!line.startsWith("#") && line.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}
