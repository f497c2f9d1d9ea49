package io.tradingstack.agents;

import java.util.List;

/**
 * Answer of query {@code get_broker_transcript}: the last entries (oldest first), how many entries
 * were ever written, and whether the workflow has loaded its stored state yet (a fresh run answers
 * {@code loaded=false} until then, so a caller waits rather than showing an empty history).
 */
public record TranscriptView(boolean loaded, long total, List<TranscriptEntry> entries) {
    public TranscriptView {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }
}
