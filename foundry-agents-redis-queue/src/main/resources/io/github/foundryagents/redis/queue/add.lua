-- Adds one job. ARGV: prefix, jobId ("" = numbered), name, data, opts, timestamp, delay, priority, lifo.
local P = ARGV[1]
local counter = redis.call("INCR", P .. "id")
local events = maxEvents(P)
local id = ARGV[2]
if id == "" then
  id = int(counter)
end
local jobKey = P .. id
if redis.call("EXISTS", jobKey) == 1 then
  redis.call("XADD", P .. "events", "MAXLEN", "~", events, "*", "event", "duplicated", "jobId", id)
  return id
end
local timestamp = tonumber(ARGV[6])
local delay = tonumber(ARGV[7])
local priority = tonumber(ARGV[8])
redis.call("HSET", jobKey, "name", ARGV[3], "data", ARGV[4], "opts", ARGV[5], "timestamp", ARGV[6],
  "delay", ARGV[7], "priority", ARGV[8])
redis.call("XADD", P .. "events", "*", "event", "added", "jobId", id, "name", ARGV[3])
if delay > 0 then
  local due = timestamp + delay
  redis.call("ZADD", P .. "delayed", delayedScore(P, due), id)
  redis.call("XADD", P .. "events", "MAXLEN", "~", events, "*", "event", "delayed", "jobId", id, "delay", int(due))
  addDelayMarker(P)
else
  local paused, maxed = queueMeta(P)
  enqueueReady(P, id, priority, ARGV[9] == "1", paused or maxed)
  redis.call("XADD", P .. "events", "MAXLEN", "~", events, "*", "event", "waiting", "jobId", id)
end
return id
