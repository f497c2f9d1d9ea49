-- Versioned system prompts of the agents (agents.prompts.PromptStore) and the user's feedback to
-- them. PostgreSQL is the source of truth: an agent restarted on embedded defaults reads back the
-- version in force and the feedback it has not consumed yet.

-- Every version of an agent's system prompt, numbered from 1 per agent; never updated once written.
-- diff is the unified line diff to the previous version (empty for version 1).
CREATE TABLE prompt_versions (
    agent      TEXT        NOT NULL CHECK (agent ~ '^[a-z][a-z0-9_-]{0,39}$'),
    version    INTEGER     NOT NULL CHECK (version >= 1),
    text       TEXT        NOT NULL CHECK (length(text) BETWEEN 1 AND 32000),
    diff       TEXT        NOT NULL,
    author     TEXT        NOT NULL CHECK (author IN ('system', 'judge', 'user')),
    reason     TEXT        NOT NULL,
    score      NUMERIC,
    created_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (agent, version)
);

-- The version in force per agent: a new version or a rollback switches it.
CREATE TABLE prompt_current (
    agent      TEXT        PRIMARY KEY,
    version    INTEGER     NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL,
    reason     TEXT        NOT NULL,
    FOREIGN KEY (agent, version) REFERENCES prompt_versions (agent, version)
);

-- Every switch of the version in force (create, rollback, seed), oldest first: who switched and why.
CREATE TABLE prompt_events (
    id         BIGSERIAL   PRIMARY KEY,
    agent      TEXT        NOT NULL,
    kind       TEXT        NOT NULL CHECK (kind IN ('seed', 'create', 'rollback')),
    from_version INTEGER,
    to_version INTEGER     NOT NULL,
    author     TEXT        NOT NULL,
    reason     TEXT        NOT NULL,
    at         TIMESTAMPTZ NOT NULL,
    FOREIGN KEY (agent, to_version) REFERENCES prompt_versions (agent, version)
);
CREATE INDEX prompt_events_agent ON prompt_events (agent, id);

-- The user's messages to an agent; pending until the agent consumes them (consumed_at/by set once).
CREATE TABLE agent_feedback (
    id           BIGSERIAL   PRIMARY KEY,
    target_agent TEXT        NOT NULL CHECK (target_agent ~ '^[a-z][a-z0-9_-]{0,39}$'),
    message      TEXT        NOT NULL CHECK (length(message) BETWEEN 1 AND 4000),
    author       TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    consumed_at  TIMESTAMPTZ,
    consumed_by  TEXT,
    CHECK ((consumed_at IS NULL) = (consumed_by IS NULL))
);
CREATE INDEX agent_feedback_pending ON agent_feedback (target_agent, id) WHERE consumed_at IS NULL;
