-- Records a failed attempt that will be retried: to delayed (backoff) or straight back to wait.
-- ARGV: 1 prefix, 2 id, 3 token, 4 now, 5 delayMs, 6 failedReason, 7 stack entry, 8 stack limit, 9 lifo.
local P = ARGV[1]
local id = ARGV[2]
local jobKey = P .. id
if redis.call("EXISTS", jobKey) == 0 then
  return -1
end
local lockError = releaseLock(P, id, ARGV[3])
if lockError then
  return lockError
end
redis.call("HSET", jobKey, "failedReason", ARGV[6], "stacktrace", appendStacktrace(jobKey, ARGV[7], tonumber(ARGV[8])))
if redis.call("LREM", P .. "active", -1, id) == 0 then
  return -3
end
local meta = queueMeta(P)
local events = meta.events
local now = tonumber(ARGV[4])
local delay = tonumber(ARGV[5])
redis.call("HINCRBY", jobKey, "atm", 1)
if delay > 0 then
  local due = now + delay
  redis.call("HSET", jobKey, "delay", ARGV[5])
  redis.call("ZADD", P .. "delayed", delayedScore(P, due), id)
  redis.call("XADD", P .. "events", "MAXLEN", "~", events, "*", "event", "delayed", "jobId", id, "delay", int(due))
  addDelayMarker(P)
else
  local blocked = pausedOrMaxed(P, meta)
  promoteDelayed(P, now, blocked, events)
  local priority = tonumber(redis.call("HGET", jobKey, "priority") or "0")
  enqueueReady(P, id, priority, ARGV[9] == "1", blocked)
  redis.call("XADD", P .. "events", "MAXLEN", "~", events, "*", "event", "waiting", "jobId", id, "prev", "active")
end
return 0
