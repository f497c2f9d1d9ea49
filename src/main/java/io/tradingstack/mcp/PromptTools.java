package io.tradingstack.mcp;

import io.tradingstack.agents.prompts.Feedback;
import io.tradingstack.agents.prompts.PromptHistory;
import io.tradingstack.agents.prompts.PromptMessages;
import io.tradingstack.agents.prompts.PromptRules;
import io.tradingstack.agents.prompts.PromptSwitch;
import io.tradingstack.agents.prompts.PromptVersion;
import io.tradingstack.bus.Addresses;
import io.tradingstack.bus.Codecs;
import io.tradingstack.bus.Doc;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.bus.Replies;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;

import java.util.List;
import java.util.function.Supplier;

import static io.tradingstack.mcp.Schemas.enumOf;
import static io.tradingstack.mcp.Schemas.integer;
import static io.tradingstack.mcp.Schemas.object;
import static io.tradingstack.mcp.Schemas.props;
import static io.tradingstack.mcp.Schemas.string;

/**
 * get_prompt_history / send_user_feedback / get_pending_feedback: the agents' stored system prompt
 * versions and the user's messages to an agent (agents.prompts, PostgreSQL). Changing a prompt is
 * the judge's and the execution agent's business, not a tool of this class.
 */
final class PromptTools {
    private static final long TIMEOUT_MS = 15_000;
    private final ToolContext ctx;

    PromptTools(ToolContext ctx) {
        this.ctx = ctx;
        Codecs.register(ctx.vertx(), PromptMessages.TYPES);
    }

    List<ToolSpec> tools() {
        String[] agents = PromptRules.AGENTS.toArray(String[]::new);
        return List.of(
                ToolSpec.of("get_prompt_history", Tier.READ, "An agent's system prompt: the version in force (null until "
                                + "the agent first ran), the latest versions newest first, each with its unified diff to the "
                                + "version it replaced, author (system, judge, user), reason and score, and the latest switches "
                                + "of the version in force (new version, rollback).",
                        object(props("agent", enumOf("agent (default execution)", agents),
                                "limit", integer("most versions and switches listed", 1, PromptMessages.MAX_LIMIT, 20L))),
                        History.class, ToolSpec.Hints.READ, this::history),
                ToolSpec.of("send_user_feedback", Tier.TRADE, "Send the user's message to an agent (stored in PostgreSQL "
                                + "before this answers). The agent reads its pending messages at its next decision and marks them "
                                + "consumed; until then get_pending_feedback lists them.",
                        object(props("target_agent", enumOf("agent the message is for", agents),
                                "message", string("what the user wants the agent to know", PromptRules.MAX_MESSAGE)),
                                "target_agent", "message"),
                        Feedback.class, new ToolSpec.Hints(false, false, false, false), this::send),
                ToolSpec.of("get_pending_feedback", Tier.READ, "The user's messages an agent has not consumed yet, oldest first.",
                        object(props("target_agent", enumOf("agent", agents),
                                "limit", integer("most messages listed", 1, PromptMessages.MAX_LIMIT, 50L)), "target_agent"),
                        Pending.class, ToolSpec.Hints.READ, this::pending));
    }

    @Doc("an agent's system prompt: the version in force, the latest versions and switches")
    record History(@Doc("agent") String agent,
                   @Doc(value = "the version in force; null until the agent first ran", nullable = true) PromptVersion current,
                   @Doc("latest versions, newest first") List<PromptVersion> versions,
                   @Doc("latest switches of the version in force, newest first") List<PromptSwitch> switches) {
    }

    @Doc("the user's messages an agent has not consumed yet")
    record Pending(@Doc("agent") String targetAgent, @Doc("pending messages, oldest first") List<Feedback> feedback,
                   @Doc(value = "messages listed", min = 0) int count) {
    }

    private Future<ToolResult> history(ToolCall call) {
        String agent = call.string("agent", "execution");
        return this.<PromptHistory>request(Addresses.PROMPTS_HISTORY,
                () -> new PromptMessages.HistoryQuery(agent, call.integer("limit", 20)))
                .map(h -> ToolResult.ok(new History(agent, h.current(), h.versions(), h.switches())));
    }

    private Future<ToolResult> send(ToolCall call) {
        return this.<Feedback>request(Addresses.PROMPTS_FEEDBACK_ADD, () -> new PromptMessages.FeedbackAdd(
                call.string("target_agent", ""), call.string("message", ""), "user")).map(ToolResult::ok);
    }

    private Future<ToolResult> pending(ToolCall call) {
        String agent = call.string("target_agent", "");
        return this.<PromptMessages.FeedbackList>request(Addresses.PROMPTS_FEEDBACK_PENDING,
                () -> new PromptMessages.PendingQuery(agent, call.integer("limit", 50)))
                .map(l -> ToolResult.ok(new Pending(agent, l.feedback(), l.feedback().size())));
    }

    /** The records refuse what the schema could not (a blank message): that is PROMPT_BAD_REQUEST, nothing sent. */
    private <T> Future<T> request(String address, Supplier<Object> body) {
        Object message;
        try {
            message = body.get();
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(new io.tradingstack.bus.CodedException(ErrorCode.PROMPT_BAD_REQUEST, e.getMessage()));
        }
        return Replies.coded(ctx.vertx().eventBus().<T>request(address, message, new DeliveryOptions().setSendTimeout(TIMEOUT_MS)))
                .map(m -> m.body());
    }
}
