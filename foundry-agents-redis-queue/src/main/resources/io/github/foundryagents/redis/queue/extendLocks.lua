-- Renews locks. ARGV: prefix, lockMs, then id, token pairs. Returns the ids whose lock is not ours any more.
local P = ARGV[1]
local lost = {}
for i = 3, #ARGV, 2 do
  local id = ARGV[i]
  local lockKey = P .. id .. ":lock"
  if redis.call("GET", lockKey) == ARGV[i + 1] then
    redis.call("SET", lockKey, ARGV[i + 1], "PX", ARGV[2])
    redis.call("SREM", P .. "stalled", id)
  else
    table.insert(lost, id)
  end
end
return lost
