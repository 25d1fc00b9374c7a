-- Adds jobs, each exactly as a single add would (same keys, fields and events, in order); a bulk add sends
-- several per call. ARGV: prefix, then per job 8 values: jobId ("" = numbered), name, data, opts, timestamp,
-- delay, priority, lifo. Returns the job ids.
local P = ARGV[1]
local meta = queueMeta(P)
local events = meta.events
local blocked = pausedOrMaxed(P, meta)
local ids = {}
for j = 2, #ARGV, 8 do
  local counter = redis.call("INCR", P .. "id")
  local id = ARGV[j]
  if id == "" then
    id = int(counter)
  end
  local jobKey = P .. id
  if redis.call("EXISTS", jobKey) == 1 then
    redis.call("XADD", P .. "events", "MAXLEN", "~", events, "*", "event", "duplicated", "jobId", id)
  else
    local timestamp = tonumber(ARGV[j + 4])
    local delay = tonumber(ARGV[j + 5])
    local priority = tonumber(ARGV[j + 6])
    redis.call("HSET", jobKey, "name", ARGV[j + 1], "data", ARGV[j + 2], "opts", ARGV[j + 3], "timestamp",
      ARGV[j + 4], "delay", ARGV[j + 5], "priority", ARGV[j + 6])
    redis.call("XADD", P .. "events", "*", "event", "added", "jobId", id, "name", ARGV[j + 1])
    if delay > 0 then
      local due = timestamp + delay
      redis.call("ZADD", P .. "delayed", delayedScore(P, due), id)
      redis.call("XADD", P .. "events", "MAXLEN", "~", events, "*", "event", "delayed", "jobId", id, "delay",
        int(due))
      addDelayMarker(P)
    else
      enqueueReady(P, id, priority, ARGV[j + 7] == "1", blocked)
      redis.call("XADD", P .. "events", "MAXLEN", "~", events, "*", "event", "waiting", "jobId", id)
    end
  end
  table.insert(ids, id)
end
return ids
