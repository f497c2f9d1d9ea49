package io.tradingstack.agents.execution;

import io.tradingstack.bus.Doc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What the agent remembers per symbol between nudges: the price and time of the last
 * consultation, the consultation times still inside the gate's window, and the last bar a spec
 * signal was acted on (a signal fires once per bar, not once per nudge). Part of the saved state.
 *
 * @param lastConsultMs workflow time of the last consultation; 0 = never (BOOTSTRAP)
 */
public record SymbolMemory(@Doc(value = "price at the last consultation; null before the first", nullable = true)
                           BigDecimal lastPrice,
                           @Doc(value = "workflow time (epoch ms) of the last consultation; 0 = never", min = 0) long lastConsultMs,
                           @Doc("consultation times (epoch ms) still inside the gate's window") List<Long> consults,
                           @Doc(value = "the last bar a spec signal was acted on; null when none", nullable = true)
                           String lastActedBar) {
    public static final SymbolMemory NEW = new SymbolMemory(null, 0, List.of(), null);

    public SymbolMemory {
        consults = consults == null ? List.of() : List.copyOf(consults);
    }

    /** After a consultation at {@code nowMs} and {@code price}, keeping only the times inside the window. */
    public SymbolMemory consulted(BigDecimal price, long nowMs, long windowMs) {
        List<Long> kept = new ArrayList<>(inWindow(nowMs, windowMs));
        kept.add(nowMs);
        return new SymbolMemory(price, nowMs, kept, lastActedBar);
    }

    public SymbolMemory actedOn(String bar) {
        return new SymbolMemory(lastPrice, lastConsultMs, consults, bar);
    }

    /** Consultations within the last {@code windowMs} before {@code nowMs}. */
    public List<Long> inWindow(long nowMs, long windowMs) {
        return consults.stream().filter(t -> nowMs - t < windowMs).toList();
    }
}
