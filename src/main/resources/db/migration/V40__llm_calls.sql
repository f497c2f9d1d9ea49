-- Every LLM call the llm package makes (model calls, cache hits and refusals), append-only.
-- Never holds the API key. response is the provider's answer (text, tool calls, usage, model,
-- finish reason) so an identical request can be answered from it when determinism is asked for.
CREATE TABLE llm_calls (
    id              UUID          PRIMARY KEY,
    ts              TIMESTAMPTZ   NOT NULL,
    agent           TEXT          NOT NULL,
    task            TEXT          NOT NULL,
    call_key        TEXT,
    request_hash    CHAR(64)      NOT NULL,
    provider        TEXT          NOT NULL,
    model           TEXT          NOT NULL,
    prompt_version  TEXT          NOT NULL,
    attempt         SMALLINT      NOT NULL,
    model_called    BOOLEAN       NOT NULL,
    input_tokens    INTEGER       NOT NULL CHECK (input_tokens >= 0),
    output_tokens   INTEGER       NOT NULL CHECK (output_tokens >= 0),
    cost_usd        NUMERIC(20, 10) NOT NULL CHECK (cost_usd >= 0),
    latency_ms      BIGINT        NOT NULL CHECK (latency_ms >= 0),
    status          TEXT          NOT NULL,
    error_code      INTEGER,
    message         TEXT,
    cached_from     UUID          REFERENCES llm_calls (id),
    response        JSONB
);

-- Determinism cache: the first good answer to a request hash.
CREATE INDEX llm_calls_hash_ok ON llm_calls (request_hash, ts) WHERE status = 'OK';
-- A retried activity finds the answer its first attempt already stored.
CREATE UNIQUE INDEX llm_calls_call_key_ok ON llm_calls (call_key) WHERE status = 'OK' AND call_key IS NOT NULL;
-- Daily caps and usage per agent.
CREATE INDEX llm_calls_agent_ts ON llm_calls (agent, ts);
