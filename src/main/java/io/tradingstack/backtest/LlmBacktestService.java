package io.tradingstack.backtest;

import io.tradingstack.bus.CodedException;
import io.tradingstack.bus.ErrorCode;
import io.tradingstack.llm.FileCallLog;
import io.tradingstack.llm.LlmRequest;
import io.tradingstack.llm.LlmResult;
import io.tradingstack.llm.LlmService;
import io.tradingstack.llm.LlmSettings;
import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.ConfigException;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The llm service of the backtest command line, which has no PostgreSQL: the configured provider
 * (LLM_* and OPENAI_* keys from the environment, conf/application.json and {@code --set}; offline
 * without a key) over a {@link FileCallLog}, so a re-run is answered from the file.
 */
final class LlmBacktestService implements AutoCloseable {
    private final FileCallLog log;
    private final LlmService service;

    private LlmBacktestService(FileCallLog log, LlmService service) {
        this.log = log;
        this.service = service;
    }

    static LlmBacktestService open(Map<String, String> overrides, Path cacheFile) {
        LlmSettings settings;
        try {
            settings = LlmSettings.from(AppConfig.fromCommandLine(null, overrides));
        } catch (ConfigException | IllegalArgumentException e) {
            throw new CodedException(ErrorCode.BACKTEST_BAD_ARGUMENTS, e.getMessage());
        }
        FileCallLog log = FileCallLog.open(cacheFile);
        return new LlmBacktestService(log, settings.newService(log, Clock.systemUTC()));
    }

    LlmResult chat(LlmRequest request) {
        return service.chat(request);
    }

    @Override
    public void close() {
        log.close();
    }
}
