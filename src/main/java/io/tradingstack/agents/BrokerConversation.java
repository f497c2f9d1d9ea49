package io.tradingstack.agents;

import io.tradingstack.bus.ErrorCode;
import io.tradingstack.llm.LlmMessage;
import io.tradingstack.llm.LlmRequest;
import io.tradingstack.llm.LlmResult;
import io.tradingstack.llm.ToolCall;
import io.tradingstack.llm.ToolDefinition;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The broker's conversation, pure and deterministic (it runs inside the workflow): a bounded
 * transcript, and the turn in progress — its messages, the tools the client offered, the tool calls
 * it waits for. Builds each model request (system prompt, recent transcript as plain user/assistant
 * text so no tool call is ever separated from its result, then this turn's messages) and turns each
 * model answer into the next step. Knows nothing of Temporal.
 */
final class BrokerConversation {
    /** Lines kept (the rest is dropped, oldest first): about 30 exchanges. */
    static final int TRANSCRIPT_ENTRIES = 60;
    /** Earlier lines the model sees at the start of a turn. */
    static final int HISTORY_ENTRIES = 12;
    /** Model calls per turn; the answer must come by then. */
    static final int MAX_ROUNDS = 8;
    /** Tools of the chat machinery itself: never offered to the model. */
    static final Set<String> OWN_TOOLS = Set.of("broker_chat", "get_broker_transcript");

    private final List<TranscriptEntry> transcript;
    private long seq;
    private Pending pending;

    BrokerConversation(List<TranscriptEntry> stored) {
        transcript = new ArrayList<>(stored == null ? List.of() : stored);
        seq = transcript.isEmpty() ? 0 : transcript.get(transcript.size() - 1).seq();
    }

    List<TranscriptEntry> transcript() {
        return List.copyOf(transcript);
    }

    long total() {
        return seq;
    }

    boolean hasPending() {
        return pending != null;
    }

    long pendingSince() {
        return pending == null ? Long.MAX_VALUE : pending.openedAtMillis;
    }

    TranscriptView view(int limit) {
        int from = Math.max(0, transcript.size() - Math.max(0, limit));
        return new TranscriptView(true, seq, transcript.subList(from, transcript.size()));
    }

    /** Starts a turn on a new user message; a turn still waiting for tool results is closed first. */
    void open(String turnId, String message, List<ToolDefinition> offered, long nowMillis, String at) {
        abandon(at);
        List<ToolDefinition> tools = offered.stream().filter(t -> !OWN_TOOLS.contains(t.name())).toList();
        List<LlmMessage> history = recentHistory();
        append(TranscriptEntry.USER, message, List.of(), at);
        pending = new Pending(turnId, tools, history, nowMillis);
        pending.messages.add(LlmMessage.user(message));
    }

    /** Closes a turn left waiting (its client went away), saying so in the transcript. */
    boolean abandon(String at) {
        if (pending == null) {
            return false;
        }
        append(TranscriptEntry.BROKER, "(no answer: the turn was left before its tool calls came back)",
                pending.toolsRun, at);
        pending = null;
        return true;
    }

    /** Takes the tool results of the waiting turn; a refusal (code and message) when they do not fit it. */
    Refusal accept(BrokerTurn turn) {
        if (pending == null || !pending.turnId.equals(turn.turnId())) {
            return new Refusal(ErrorCode.BROKER_NO_SUCH_TURN, "no turn " + turn.turnId() + " is waiting for tool results"
                    + (pending == null ? "" : "; the waiting turn is " + pending.turnId));
        }
        Set<String> given = new LinkedHashSet<>();
        turn.results().forEach(r -> given.add(r.callId()));
        if (!given.equals(pending.awaited) || given.size() != turn.results().size()) {
            return new Refusal(ErrorCode.BROKER_BAD_TURN, "expected one result for each of the calls " + pending.awaited
                    + ", got " + given);
        }
        for (String id : pending.awaited) {
            turn.results().stream().filter(r -> r.callId().equals(id)).findFirst()
                    .ifPresent(r -> pending.messages.add(LlmMessage.tool(id, r.content())));
        }
        pending.awaited.clear();
        return null;
    }

    /** The last transcript lines as plain user and assistant messages. */
    private List<LlmMessage> recentHistory() {
        List<LlmMessage> history = new ArrayList<>();
        for (TranscriptEntry e : transcript.subList(Math.max(0, transcript.size() - HISTORY_ENTRIES), transcript.size())) {
            if (!e.text().isBlank()) {
                history.add(TranscriptEntry.USER.equals(e.role()) ? LlmMessage.user(e.text()) : LlmMessage.assistant(e.text()));
            }
        }
        return history;
    }

    /** The model request for the next round of the waiting turn. */
    LlmRequest request(Map<String, Object> context) {
        return LlmRequest.builder(BrokerPrompt.AGENT, BrokerPrompt.TASK).promptVersion(BrokerPrompt.VERSION)
                .system(BrokerPrompt.SYSTEM).messages(pending.history).messages(pending.messages).tools(pending.tools)
                .context(context).context("turn_id", pending.turnId).build();
    }

    /** Turns the model's answer into the next step, keeping the transcript. */
    BrokerStep onResult(LlmResult r, String at) {
        Pending p = pending;
        p.rounds++;
        if (!r.ok()) {
            return close(BrokerStep.failed(p.turnId, r.code().name(), r.message(), p.rounds),
                    "(no answer: " + r.code().name() + ": " + r.message() + ")", at);
        }
        if (r.toolCalls().isEmpty()) {
            return close(BrokerStep.answer(p.turnId, r.text(), p.rounds), r.text(), at);
        }
        if (p.rounds >= MAX_ROUNDS) {
            String why = "the model still asked for tools after " + MAX_ROUNDS + " rounds";
            return close(BrokerStep.failed(p.turnId, ErrorCode.BROKER_TOO_MANY_ROUNDS.name(), why, p.rounds),
                    "(no answer: " + why + ")", at);
        }
        p.messages.add(LlmMessage.assistant(r.text().isBlank() ? null : r.text(), r.toolCalls()));
        r.toolCalls().forEach(c -> {
            p.awaited.add(c.id());
            p.toolsRun.add(c.name());
        });
        return BrokerStep.calls(p.turnId, r.toolCalls(), r.text(), p.rounds);
    }

    /** Ends the waiting turn with a failure that is not the model's (a request the client made unusable). */
    BrokerStep fail(ErrorCode code, String message, String at) {
        Pending p = pending;
        return close(BrokerStep.failed(p.turnId, code.name(), message, p.rounds), "(no answer: " + message + ")", at);
    }

    private BrokerStep close(BrokerStep step, String transcriptText, String at) {
        append(TranscriptEntry.BROKER, transcriptText, pending.toolsRun, at);
        pending = null;
        return step;
    }

    private void append(String role, String text, List<String> tools, String at) {
        transcript.add(new TranscriptEntry(++seq, role, text, List.copyOf(new LinkedHashSet<>(tools)), at));
        while (transcript.size() > TRANSCRIPT_ENTRIES) {
            transcript.remove(0);
        }
    }

    record Refusal(ErrorCode code, String message) {
    }

    /** The turn in progress. */
    private static final class Pending {
        final String turnId;
        final List<ToolDefinition> tools;
        final List<LlmMessage> history;
        final long openedAtMillis;
        final List<LlmMessage> messages = new ArrayList<>();
        final Set<String> awaited = new LinkedHashSet<>();
        final List<String> toolsRun = new ArrayList<>();
        int rounds;

        Pending(String turnId, List<ToolDefinition> tools, List<LlmMessage> history, long openedAtMillis) {
            this.turnId = turnId;
            this.tools = tools;
            this.history = history;
            this.openedAtMillis = openedAtMillis;
        }
    }
}
