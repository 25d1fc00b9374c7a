-- Takes the next job. ARGV: prefix, now, token, lockMs, limiterMax ("" none), limiterMs, workerName.
local limitMax = nil
if ARGV[5] ~= "" then
  limitMax = ARGV[5]
end
local limitMs = nil
if ARGV[6] ~= "" then
  limitMs = ARGV[6]
end
return moveToActive(ARGV[1], queueMeta(ARGV[1]), tonumber(ARGV[2]), ARGV[2], ARGV[3], ARGV[4], limitMax, limitMs,
  ARGV[7])
