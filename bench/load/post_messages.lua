-- wrk script: POST real messages, round robin, to the URL's path.
--   wrk ... -s post_messages.lua URL -- LIST_FILE [DELAY_MS]
-- LIST_FILE holds one .eml path a line. With DELAY_MS each connection waits
-- that long between requests (to pace the load at a target rate).
local bodies = {}
local next_i = 1
local delay_ms = 0
local non200 = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for path in io.lines(args[1]) do
    local f = assert(io.open(path, "rb"))
    table.insert(bodies, f:read("*a"))
    f:close()
  end
  delay_ms = tonumber(args[2] or "0")
  next_i = math.random(#bodies)
  wrk.headers["Content-Type"] = "message/rfc822"
end

function request()
  next_i = next_i % #bodies + 1
  return wrk.format("POST", nil, nil, bodies[next_i])
end

if os.getenv("ET_PACED") then
  function delay()
    return delay_ms
  end
end

function response(status, headers, body)
  if status ~= 200 then non200 = non200 + 1 end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do bad = bad + (t:get("non200") or 0) end
  local secs = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rate=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f " ..
    "errors=%d non200=%d\n",
    summary.requests, secs, summary.requests / secs, latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    bad))
end
