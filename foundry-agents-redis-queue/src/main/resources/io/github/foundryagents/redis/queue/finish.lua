-- Completes or finally fails a job, trims retention, optionally takes the next job.
-- ARGV: 1 prefix, 2 id, 3 token, 4 now, 5 target (completed|failed), 6 field (returnvalue|failedReason),
-- 7 value, 8 keepCount (-1 all), 9 keepAgeSeconds ("" none), 10 attempts, 11 stack entry ("" none),
-- 12 stack limit, 13 fetchNext (0|1), 14 next token, 15 lockMs, 16 limiterMax, 17 limiterMs, 18 worker name.
local P = ARGV[1]
local id = ARGV[2]
local jobKey = P .. id
if redis.call("EXISTS", jobKey) == 0 then
  return {-1}
end
local lockError = releaseLock(P, id, ARGV[3])
if lockError then
  return {lockError}
end
local target = ARGV[5]
if ARGV[11] ~= "" then
  redis.call("HSET", jobKey, "failedReason", ARGV[7], "stacktrace", appendStacktrace(jobKey, ARGV[11], tonumber(ARGV[12])))
end
if redis.call("LREM", P .. "active", -1, id) == 0 then
  return {-3}
end
local meta = queueMeta(P)
local events = meta.events
local attemptsMade = redis.call("HINCRBY", jobKey, "atm", 1)
local now = tonumber(ARGV[4])
local keepCount = tonumber(ARGV[8])
local setKey = P .. target
if keepCount == 0 then
  removeJobKeys(P, id)
else
  redis.call("ZADD", setKey, now, id)
  redis.call("HSET", jobKey, ARGV[6], ARGV[7], "finishedOn", ARGV[4])
  if target == "failed" then
    redis.call("HDEL", jobKey, "defa")
  end
  if ARGV[9] ~= "" then
    local old = redis.call("ZRANGEBYSCORE", setKey, 0, now - tonumber(ARGV[9]) * 1000, "LIMIT", 0, 1000)
    for _, oldId in ipairs(old) do
      removeJobKeys(P, oldId)
      redis.call("ZREM", setKey, oldId)
    end
  end
  if keepCount > 0 then
    local extra = redis.call("ZREVRANGE", setKey, keepCount, -1)
    if #extra > 0 then
      for _, oldId in ipairs(extra) do
        removeJobKeys(P, oldId)
      end
      redis.call("ZREMRANGEBYRANK", setKey, 0, -(keepCount + 1))
    end
  end
end
-- BullMQ trims the stream, then adds the event; one capped XADD has the same effect.
redis.call("XADD", P .. "events", "MAXLEN", "~", events, "*", "event", target, "jobId", id, ARGV[6], ARGV[7],
  "prev", "active")
if target == "failed" and attemptsMade >= tonumber(ARGV[10]) then
  redis.call("XADD", P .. "events", "MAXLEN", "~", events, "*", "event", "retries-exhausted", "jobId", id,
    "attemptsMade", attemptsMade)
end
if ARGV[13] == "1" then
  local limitMax = nil
  if ARGV[16] ~= "" then
    limitMax = ARGV[16]
  end
  local limitMs = nil
  if ARGV[17] ~= "" then
    limitMs = ARGV[17]
  end
  local next = moveToActive(P, meta, now, ARGV[4], ARGV[14], ARGV[15], limitMax, limitMs, ARGV[18])
  if next[1] == 1 then
    return next
  end
end
if redis.call("LLEN", P .. "wait") == 0 and redis.call("LLEN", P .. "active") == 0
    and redis.call("ZCARD", P .. "prioritized") == 0 then
  redis.call("XADD", P .. "events", "*", "event", "drained")
end
return {0}
