-- Append-only journal of every trading (and otherwise state-changing) MCP tool call: who (session),
-- what (tool, arguments), the outcome, and when. Rejected calls are journaled too.
CREATE TABLE mcp_audit (
    id          BIGSERIAL   PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    session_id  TEXT        NOT NULL,
    tool        TEXT        NOT NULL,
    arguments   JSONB       NOT NULL,
    result      JSONB       NOT NULL,
    is_error    BOOLEAN     NOT NULL,
    error_code  INTEGER
);

CREATE INDEX mcp_audit_session_at ON mcp_audit (session_id, at);
CREATE INDEX mcp_audit_tool_at ON mcp_audit (tool, at);
