-- Moves jobs of dead workers back to wait, once per interval for the whole fleet.
-- ARGV: prefix, maxStalledCount, now, intervalMs. Returns the ids moved.
local P = ARGV[1]
local checkKey = P .. "stalled-check"
if redis.call("EXISTS", checkKey) == 1 then
  return {}
end
redis.call("SET", checkKey, ARGV[3], "PX", ARGV[4])
local meta = queueMeta(P)
local events = meta.events
redis.call("XTRIM", P .. "events", "MAXLEN", "~", events)
local moved = {}
local stalledKey = P .. "stalled"
local candidates = redis.call("SMEMBERS", stalledKey)
redis.call("DEL", stalledKey)
for _, id in ipairs(candidates) do
  if string.sub(id, 1, 2) == "0:" then
    redis.call("LREM", P .. "active", 1, id)
  elseif redis.call("EXISTS", P .. id .. ":lock") == 0 and redis.call("LREM", P .. "active", 1, id) > 0 then
    local stalls = redis.call("HINCRBY", P .. id, "stc", 1)
    if stalls > tonumber(ARGV[2]) then
      redis.call("HSET", P .. id, "defa", "job stalled more than allowable limit")
    end
    redis.call("RPUSH", P .. "wait", id)
    addReadyMarker(P, pausedOrMaxed(P, meta))
    redis.call("XADD", P .. "events", "MAXLEN", "~", events, "*", "event", "waiting", "jobId", id, "prev", "active")
    redis.call("XADD", P .. "events", "*", "event", "stalled", "jobId", id)
    table.insert(moved, id)
  end
end
local active = redis.call("LRANGE", P .. "active", 0, -1)
for i = 1, #active, 7000 do
  redis.call("SADD", stalledKey, unpack(active, i, math.min(i + 6999, #active)))
end
return moved
