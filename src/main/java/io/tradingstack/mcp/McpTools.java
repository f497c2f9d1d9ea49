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
        tools.addAll(new RiskTools(ctx).tools());
        tools.addAll(new SpecTools(ctx).tools());
        tools.add(new EvaluateTool(ctx).tool());
        return tools;
    }
}
