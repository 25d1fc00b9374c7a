-- Shared helpers, prepended to every script by RedisScripts. Written for foundry-agents from the behaviour of
-- BullMQ 6.7.0's data layout (docs/tasks.md); all keys of one queue start with P and share its hash tag.
-- Numbers that land in job hashes are passed through as the caller's decimal strings, never re-formatted.

local function int(n)
  return string.format("%d", n)
end

-- The queue's settings in one read: Node's pause flag, global concurrency and rate limit, and the events cap
-- (get-or-set to 10000, as BullMQ does).
local function queueMeta(P)
  local m = redis.call("HMGET", P .. "meta", "paused", "concurrency", "max", "duration", "opts.maxLenEvents")
  local events = tonumber(m[5])
  if not events then
    events = 10000
    redis.call("HSET", P .. "meta", "opts.maxLenEvents", events)
  end
  return {paused = m[1] ~= false, concurrency = tonumber(m[2]), max = m[3], duration = m[4], events = events}
end

-- Whether new work must not be signalled or taken: paused, or as many jobs active as the global concurrency.
local function pausedOrMaxed(P, meta)
  return meta.paused or (meta.concurrency ~= nil and redis.call("LLEN", P .. "active") >= meta.concurrency)
end

local function addReadyMarker(P, blocked)
  if not blocked then
    redis.call("ZADD", P .. "marker", 0, "0")
  end
end

-- Delayed score: due * 4096 plus a per-millisecond sequence so jobs due in the same ms keep their order.
local function delayedScore(P, due)
  local base = due * 4096
  local top = redis.call("ZREVRANGEBYSCORE", P .. "delayed", base + 4095, base, "WITHSCORES", "LIMIT", 0, 1)
  if #top == 0 then
    return base
  end
  local score = tonumber(top[2]) + 1
  if score > base + 4095 then
    score = base + 4095
  end
  return score
end

local function addDelayMarker(P)
  local first = redis.call("ZRANGE", P .. "delayed", 0, 0, "WITHSCORES")
  if #first > 0 then
    redis.call("ZADD", P .. "marker", math.floor(tonumber(first[2]) / 4096), "1")
  end
end

local function addPrioritized(P, id, priority)
  local counter = redis.call("INCR", P .. "pc")
  redis.call("ZADD", P .. "prioritized", priority * 4294967296 + (counter % 4294967296), id)
end

-- Puts a ready job where workers take it: the wait list, or the prioritized set when it has a priority.
local function enqueueReady(P, id, priority, lifo, blocked)
  if priority > 0 then
    addPrioritized(P, id, priority)
  elseif lifo then
    redis.call("RPUSH", P .. "wait", id)
  else
    redis.call("LPUSH", P .. "wait", id)
  end
  addReadyMarker(P, blocked)
end

local function promoteDelayed(P, now, blocked, events)
  local due = redis.call("ZRANGEBYSCORE", P .. "delayed", 0, (now + 1) * 4096 - 1, "LIMIT", 0, 1000)
  if #due == 0 then
    return
  end
  for _, id in ipairs(due) do
    redis.call("ZREM", P .. "delayed", id)
    local priority = tonumber(redis.call("HGET", P .. id, "priority") or "0")
    if priority > 0 then
      addPrioritized(P, id, priority)
    else
      redis.call("LPUSH", P .. "wait", id)
    end
    redis.call("XADD", P .. "events", "MAXLEN", "~", events, "*", "event", "waiting", "jobId", id, "prev", "delayed")
    redis.call("HSET", P .. id, "delay", 0)
  end
  addReadyMarker(P, blocked)
end

local function removeJobKeys(P, id)
  local k = P .. id
  redis.call("DEL", k, k .. ":logs", k .. ":dependencies", k .. ":processed", k .. ":failed", k .. ":unsuccessful",
    k .. ":lock")
end

-- Takes the next job for a worker: {1, id, hash...} or {0, rateLimitTtl, nextDelayedDueMs}.
local function moveToActive(P, meta, now, nowText, token, lockMs, limitMax, limitMs, workerName)
  local blocked = pausedOrMaxed(P, meta)
  local events = meta.events
  promoteDelayed(P, now, blocked, events)
  local maxJobs = tonumber(meta.max or limitMax)
  local window = tonumber(limitMs or meta.duration)
  local limiterKey = P .. "limiter"
  if maxJobs then
    local count = tonumber(redis.call("GET", limiterKey) or "0")
    if count >= maxJobs then
      local ttl = redis.call("PTTL", limiterKey)
      if ttl > 0 then
        return {0, ttl, 0}
      end
      redis.call("DEL", limiterKey)
    end
  end
  if blocked then
    return {0, 0, 0}
  end
  for _ = 1, 100 do
    local id = redis.call("RPOPLPUSH", P .. "wait", P .. "active")
    if id and string.sub(id, 1, 2) == "0:" then
      redis.call("LREM", P .. "active", 1, id)
    else
      if not id then
        local popped = redis.call("ZPOPMIN", P .. "prioritized")
        if #popped == 0 then
          redis.call("DEL", P .. "pc")
          local first = redis.call("ZRANGE", P .. "delayed", 0, 0, "WITHSCORES")
          if #first > 0 then
            return {0, 0, math.floor(tonumber(first[2]) / 4096)}
          end
          return {0, 0, 0}
        end
        id = popped[1]
        redis.call("LPUSH", P .. "active", id)
      end
      local jobKey = P .. id
      if redis.call("EXISTS", jobKey) == 1 then
        if maxJobs and window and redis.call("HEXISTS", jobKey, "defa") == 0 then
          if redis.call("INCR", limiterKey) == 1 then
            redis.call("PEXPIRE", limiterKey, window)
          end
        end
        redis.call("SET", jobKey .. ":lock", token, "PX", lockMs)
        redis.call("XADD", P .. "events", "MAXLEN", "~", events, "*", "event", "active", "jobId", id, "prev", "waiting")
        if workerName ~= "" then
          redis.call("HSET", jobKey, "processedOn", nowText, "pb", workerName)
        else
          redis.call("HSET", jobKey, "processedOn", nowText)
        end
        redis.call("HINCRBY", jobKey, "ats", 1)
        redis.call("ZADD", P .. "marker", 0, "0")
        return {1, id, redis.call("HGETALL", jobKey)}
      end
      -- the job was removed while it waited: drop the dangling id and look again
      redis.call("LREM", P .. "active", -1, id)
    end
  end
  return {0, 0, 0}
end

-- Checks and releases a worker's lock: nil when held, else BullMQ's error code (-2 missing, -6 other owner).
local function releaseLock(P, id, token)
  local lockKey = P .. id .. ":lock"
  local lock = redis.call("GET", lockKey)
  if lock == token then
    redis.call("DEL", lockKey)
    redis.call("SREM", P .. "stalled", id)
    return nil
  end
  if lock then
    return -6
  end
  return -2
end

local function appendStacktrace(jobKey, entry, limit)
  local list = {}
  local stored = redis.call("HGET", jobKey, "stacktrace")
  if stored then
    local ok, decoded = pcall(cjson.decode, stored)
    if ok and type(decoded) == "table" then
      list = decoded
    end
  end
  table.insert(list, entry)
  while #list > limit do
    table.remove(list, 1)
  end
  if #list == 0 then
    return "[]"
  end
  return cjson.encode(list)
end
