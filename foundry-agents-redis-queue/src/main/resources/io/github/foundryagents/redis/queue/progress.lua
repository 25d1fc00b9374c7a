-- Stores progress and publishes it. ARGV: prefix, id, progress JSON.
local P = ARGV[1]
local jobKey = P .. ARGV[2]
if redis.call("EXISTS", jobKey) == 0 then
  return -1
end
redis.call("HSET", jobKey, "progress", ARGV[3])
redis.call("XADD", P .. "events", "MAXLEN", "~", queueMeta(P).events, "*", "event", "progress", "jobId", ARGV[2], "data", ARGV[3])
return 0
