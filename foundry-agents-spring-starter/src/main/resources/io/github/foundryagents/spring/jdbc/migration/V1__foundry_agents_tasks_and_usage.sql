-- foundry-agents JDBC stores: task records and per-user usage. PostgreSQL 12 or newer.
-- The starter applies this file with Flyway (history table foundry_agents_schema_history) unless
-- foundry.agents.jdbc.migrate=false; with another migration tool, apply it as it is.

CREATE TABLE foundry_task (
    id                VARCHAR(128) PRIMARY KEY,
    owner             VARCHAR(256) NOT NULL,
    agent             VARCHAR(64)  NOT NULL,
    prompt            TEXT         NOT NULL,
    context_json      TEXT         NOT NULL,
    webhook_url       TEXT,
    status            VARCHAR(16)  NOT NULL
        CONSTRAINT foundry_task_status CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
    result            TEXT,
    error             TEXT,
    prompt_tokens     BIGINT       NOT NULL DEFAULT 0,
    completion_tokens BIGINT       NOT NULL DEFAULT 0,
    total_tokens      BIGINT       NOT NULL DEFAULT 0,
    deployments       TEXT[]       NOT NULL DEFAULT '{}',
    attempts          INTEGER      NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ  NOT NULL,
    started_at        TIMESTAMPTZ,
    completed_at      TIMESTAMPTZ
);

-- GET /tasks/{id} is by primary key; a user's task list reads newest first.
CREATE INDEX foundry_task_owner_created ON foundry_task (owner, created_at DESC);

-- Status moves only forward (pending -> processing -> completed | failed) whoever writes the row: the stores'
-- conditional UPDATEs never try anything else, and this trigger refuses any other writer that does.
CREATE FUNCTION foundry_task_forward_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.status IN ('completed', 'failed') THEN
        RAISE EXCEPTION 'task % is %, a terminal status; it cannot change', OLD.id, OLD.status
            USING ERRCODE = 'check_violation';
    END IF;
    IF OLD.status = 'processing' AND NEW.status = 'pending' THEN
        RAISE EXCEPTION 'task % cannot move from processing back to pending', OLD.id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER foundry_task_forward_only BEFORE UPDATE ON foundry_task
    FOR EACH ROW EXECUTE FUNCTION foundry_task_forward_only();

CREATE TABLE foundry_usage (
    id                BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recorded_at       TIMESTAMPTZ  NOT NULL,
    user_id           VARCHAR(256) NOT NULL,
    operation         VARCHAR(64)  NOT NULL,
    deployment        VARCHAR(128) NOT NULL,
    model             VARCHAR(128),
    prompt_tokens     BIGINT       NOT NULL,
    completion_tokens BIGINT       NOT NULL,
    total_tokens      BIGINT       NOT NULL,
    cost_input        NUMERIC,
    cost_output       NUMERIC,
    currency          CHAR(3)
);

-- The monthly quota check sums one user's tokens and costs per currency since the start of the month: every
-- column it reads is in the index, so it is an index-only range scan.
CREATE INDEX foundry_usage_user_time ON foundry_usage (user_id, recorded_at)
    INCLUDE (prompt_tokens, completion_tokens, total_tokens, cost_input, cost_output, currency);
