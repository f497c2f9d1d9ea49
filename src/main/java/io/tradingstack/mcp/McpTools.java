package io.tradingstack.mcp;

import java.util.ArrayList;
import java.util.List;

/** The whole tool catalogue of this server, before tier filtering. */
public final class McpTools {
    private McpTools() {
    }

    public static List<ToolSpec> all(ToolContext ctx) {
        List<ToolSpec> tools = new ArrayList<>();
        tools.addAll(new PreferenceTools(ctx).tools());
        tools.addAll(new MarketTools(ctx).tools());
        tools.addAll(new FeatureTools(ctx).tools());
        tools.addAll(new LedgerTools(ctx).tools());
        tools.addAll(new OrderTools(ctx).tools());
        tools.addAll(new BacktestTools(ctx).tools());
        tools.addAll(new SweepTools(ctx).tools());
        tools.addAll(new RiskTools(ctx).tools());
        tools.addAll(new SpecTools(ctx).tools());
        tools.add(new EvaluateTool(ctx).tool());
        tools.add(new PlanTool(ctx).tool());
        tools.addAll(new PromptTools(ctx).tools());
        tools.addAll(new JudgeTools(ctx).tools());
        tools.addAll(new ExecutionTools(ctx).tools());
        // the broker's model is offered the tools a client of this server sees (the enabled tiers)
        java.util.Set<Tier> tiers = Tier.parseAll(ctx.config().mcpTiers());
        List<ToolSpec> enabled = tools.stream().filter(t -> tiers.contains(t.tier())).toList();
        tools.addAll(new BrokerTools(ctx, () -> enabled).tools());
        return tools;
    }
}
