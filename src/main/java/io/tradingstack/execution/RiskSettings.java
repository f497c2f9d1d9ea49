package io.tradingstack.execution;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.risk.RiskConfig;
import io.tradingstack.risk.RiskLimits;
import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.ConfigKey;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The live gate's limits: {@link RiskLimits#LIVE} &lt; {@code RISK_CONFIG_FILE} (the backtest's
 * --risk-config format) &lt; the individual {@code RISK_*} keys. Adjustments are not read from the
 * file: the live gate's adjustments are the stored ones (the judge's), so a file that carries
 * {@code risk_adjustments} is refused rather than half applied.
 */
final class RiskSettings {
    private RiskSettings() {
    }

    static RiskLimits limits(AppConfig config) {
        return load(config).limits();
    }

    /** The execution caps of RISK_CONFIG_FILE (its {@code execution_caps} object; none without a file). */
    static io.tradingstack.risk.ExecutionCaps caps(AppConfig config) {
        return load(config).caps();
    }

    private static RiskConfig.Loaded load(AppConfig config) {
        String file = config.get(ConfigKey.RISK_CONFIG_FILE);
        Map<String, Object> overrides = new LinkedHashMap<>();
        put(overrides, "max_position_risk_pct", config.get(ConfigKey.RISK_MAX_POSITION_RISK_PCT));
        put(overrides, "max_symbol_exposure_pct", config.get(ConfigKey.RISK_MAX_SYMBOL_EXPOSURE_PCT));
        put(overrides, "max_portfolio_exposure_pct", config.get(ConfigKey.RISK_MAX_PORTFOLIO_EXPOSURE_PCT));
        put(overrides, "max_daily_loss_pct", config.get(ConfigKey.RISK_MAX_DAILY_LOSS_PCT));
        put(overrides, "max_daily_risk_budget_pct", config.get(ConfigKey.RISK_MAX_DAILY_RISK_BUDGET_PCT));
        put(overrides, "max_trades_per_day", config.get(ConfigKey.RISK_MAX_TRADES_PER_DAY));
        RiskConfig.Loaded loaded = RiskConfig.load(file.isEmpty() ? null : Path.of(file), overrides, RiskLimits.LIVE);
        if (!loaded.adjustments().isNeutral()) {
            throw new CodedException(ErrorCode.RISK_BAD_CONFIG, "RISK_CONFIG_FILE " + file + " carries risk_adjustments; the live "
                    + "gate takes adjustments from its store (ts.risk.adjust), not from the file");
        }
        return loaded;
    }

    /** Fee plus slippage as a fraction: what a buy costs on top of its notional. */
    static BigDecimal costRate(AppConfig config) {
        return config.decimal(ConfigKey.FEE_BPS).add(config.decimal(ConfigKey.SLIPPAGE_BPS)).movePointLeft(4);
    }

    private static void put(Map<String, Object> overrides, String key, String value) {
        if (value != null && !value.isEmpty()) {
            overrides.put(key, value);
        }
    }
}
