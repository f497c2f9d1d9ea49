package io.tradingstack.agents.judge;

import io.tradingstack.llm.LlmActivities;
import io.tradingstack.llm.LlmActivityOptions;
import io.tradingstack.llm.LlmResult;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import org.slf4j.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The judge's loop: wait for the next scheduled evaluation or an on-demand one, evaluate, repeat;
 * continue as new every {@link #EVALUATIONS_PER_RUN} evaluations. Decisions are the pure classes'
 * ({@link Pacing}, {@link JudgeScore}, {@link PromptPlan}, {@link RiskPhrase}, {@link AdjustmentPolicy});
 * effects are activities with bounded retries, and an evaluation whose activities give up is logged
 * and uses its slot, so nothing spins.
 */
public final class JudgeAgentWorkflowImpl implements JudgeAgentWorkflow {
    static final int EVALUATIONS_PER_RUN = 50;
    private static final Logger LOG = Workflow.getLogger(JudgeAgentWorkflowImpl.class);
    private final JudgeActivities acts = Workflow.newActivityStub(JudgeActivities.class, ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumInterval(Duration.ofSeconds(10)).setMaximumAttempts(5).build())
            .build());
    private final LlmActivities llm = Workflow.newActivityStub(LlmActivities.class, LlmActivityOptions.options());
    private final Deque<JudgeRequests.Trigger> queue = new ArrayDeque<>();
    private JudgeSettings settings;
    private JudgeMemory memory;
    private Double lastScore;
    private long startedAt;

    @Override
    public void run(JudgeRun run) {
        settings = run.settings() == null ? JudgeSettings.defaults() : run.settings();
        lastScore = run.lastScore();
        startedAt = Workflow.currentTimeMillis();
        memory = run.memory() != null ? run.memory() : acts.restore(Workflow.getInfo().getWorkflowId());
        for (int done = 0; done < EVALUATIONS_PER_RUN; done++) {
            long now = Workflow.currentTimeMillis();
            long due = Pacing.nextDue(settings, memory, now, startedAt);
            if (queue.isEmpty() && due > now) {
                Workflow.await(Duration.ofMillis(due - now), () -> !queue.isEmpty());
            }
            now = Workflow.currentTimeMillis();
            memory = memory.on(Pacing.day(now));
            if (!queue.isEmpty()) {
                JudgeRequests.Trigger t = queue.peek();
                evaluate(t.windowDays() == 0 ? settings.windowDays() : t.windowDays(), t.force() ? "forced" : "on_demand");
                queue.poll();
            } else if (now >= Pacing.nextDue(settings, memory, now, startedAt)) {
                evaluate(settings.windowDays(), "scheduled");
            } else {
                done--;
            }
        }
        Workflow.await(() -> Workflow.isEveryHandlerFinished());
        Workflow.continueAsNew(new JudgeRun(settings, memory, lastScore));
    }

    @Override
    public JudgeRequests.TriggerAnswer trigger(JudgeRequests.Trigger t) {
        Workflow.await(() -> memory != null);
        long now = Workflow.currentTimeMillis();
        memory = memory.on(Pacing.day(now));
        String refusal = Pacing.refusal(settings, memory, now, true, t.force());
        if (refusal == null && !queue.isEmpty()) {
            refusal = "an evaluation is already queued";
        }
        if (refusal == null && memory.evaluatedToday() + queue.size() >= settings.maxPerDay()) {
            refusal = "flood guard: today's evaluations are all used or queued";
        }
        if (refusal != null) {
            memory = memory.skipped();
        } else {
            queue.add(t);
        }
        return new JudgeRequests.TriggerAnswer(refusal == null, refusal == null ? "queued" : refusal,
                memory.evaluatedToday(), memory.skippedToday(), settings.maxPerDay());
    }

    @Override
    public JudgeRequests.State state() {
        long now = Workflow.currentTimeMillis();
        return new JudgeRequests.State(memory, lastScore, memory == null ? 0 : Pacing.nextDue(settings, memory, now, startedAt),
                queue.size(), settings);
    }

    private void evaluate(int window, String trigger) {
        long now = Workflow.currentTimeMillis();
        try {
            Evaluation e = new Evaluation(Workflow.getInfo().getWorkflowId() + ":" + (memory.seq() + 1), window, trigger, now);
            e.run();
            lastScore = e.score.score();
        } catch (ActivityFailure failure) {
            LOG.warn("judge evaluation at {} gave up: {}", Instant.ofEpochMilli(now), failure.getMessage());
            memory = memory.failed(now);
        }
    }

    /** One evaluation: gather, score, review, prompt, adjustments, record. */
    private final class Evaluation {
        private final String id;
        private final int window;
        private final String trigger;
        private final long now;
        private final List<JudgeAction> actions = new ArrayList<>();
        private JudgeScore score;

        Evaluation(String id, int window, String trigger, long now) {
            this.id = id;
            this.window = window;
            this.trigger = trigger;
            this.now = now;
        }

        void run() {
            actions.addAll(acts.settleAdjustments());
            JudgeInputs in = acts.gather(window);
            score = JudgeScore.of(in.figures(), settings.rules());
            LlmResult answer = llm.chat(JudgePrompt.request(score, settings, in));
            JudgeReview review = review(answer);
            JudgeMemory.Probation next = prompt(in, review);
            adjust(review);
            memory = memory.evaluated(now, next);
            acts.record(new JudgeMessages.Store(Workflow.getInfo().getWorkflowId(), new JudgeEvaluation(id, memory.seq(), trigger,
                    window, Instant.ofEpochMilli(now), score.score(), score.ordered(), score.undefined(), settings.rules().weights(),
                    in.figures(), in.promptVersion(), review, actions, answer.callId()), memory));
        }

        private JudgeReview review(LlmResult answer) {
            if (answer.ok() && answer.structured() != null) {
                return answer.structuredAs(JudgeReview.class).withSource(answer.provider());
            }
            return ReviewRules.derive(score, settings.threshold()).withSource("rules (" + answer.code() + ")");
        }

        /** The probation that follows this evaluation. */
        private JudgeMemory.Probation prompt(JudgeInputs in, JudgeReview review) {
            JudgeMemory.Probation probation = memory.probation();
            int current = in.promptVersion() == null ? 0 : in.promptVersion();
            PromptPlan plan = PromptPlan.decide(settings, probation, current, in.promptText(), score.score(), review, in.messages());
            if (plan.kind() == PromptPlan.Kind.ROLLBACK) {
                actions.add(acts.changePrompt(new JudgeRequests.PromptRequest(id, plan, score.score(), List.of())));
                return null;
            }
            boolean measured = probation != null && current != probation.fromVersion();
            if (measured) {
                actions.add(new JudgeAction("prompt_kept", "version " + current + " scored " + score.score() + " against "
                        + probation.baseline() + " for version " + probation.fromVersion(), current, null, null));
            }
            if (plan.kind() == PromptPlan.Kind.NEW_VERSION) {
                List<Long> ids = in.feedback().stream().map(JudgeInputs.FeedbackItem::id).toList();
                actions.add(acts.changePrompt(new JudgeRequests.PromptRequest(id, plan, score.score(), ids)));
                return new JudgeMemory.Probation(current, score.score(), memory.seq() + 1);
            }
            actions.add(new JudgeAction("prompt_unchanged", plan.reason(), current == 0 ? null : current, null, null));
            return measured ? null : probation;
        }

        private void adjust(JudgeReview review) {
            ReviewAdjustments.Outcome outcome = ReviewAdjustments.of(review, settings.adjustments(),
                    "judge evaluation " + id + " (score " + score.score() + ")", Instant.ofEpochMilli(now));
            actions.addAll(outcome.refused());
            if (!outcome.adjustments().isEmpty()) {
                actions.addAll(acts.adjust(new JudgeRequests.AdjustRequest(id, outcome.adjustments())));
            }
        }
    }
}
