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

-- Server-side times (Server-Timing "app;dur=MS"), to tell the server's own
-- time from queueing in the kernel and in wrk (a global: done() reads each
-- thread's copy).
app_ms = {}
scan_ms = {}
wait_ms = {}

function response(status, headers, body)
  if status ~= 200 then non200 = non200 + 1 end
  local st = headers["Server-Timing"] or headers["server-timing"]
  if st then
    local d = st:match("app;dur=([%d%.]+)")
    if d then app_ms[#app_ms + 1] = tonumber(d) end
    d = st:match("scan;dur=([%d%.]+)")
    if d then scan_ms[#scan_ms + 1] = tonumber(d) end
    d = st:match("wait;dur=([%d%.]+)")
    if d then wait_ms[#wait_ms + 1] = tonumber(d) end
  end
end

local function percentile(sorted, p)
  if #sorted == 0 then return 0 end
  return sorted[math.max(1, math.ceil(#sorted * p / 100))]
end

function done(summary, latency, requests)
  local bad = 0
  local app, scan, wait = {}, {}, {}
  for _, t in ipairs(threads) do
    bad = bad + (t:get("non200") or 0)
    for _, d in ipairs(t:get("app_ms") or {}) do app[#app + 1] = d end
    for _, d in ipairs(t:get("scan_ms") or {}) do scan[#scan + 1] = d end
    for _, d in ipairs(t:get("wait_ms") or {}) do wait[#wait + 1] = d end
  end
  table.sort(app)
  table.sort(scan)
  table.sort(wait)
  local secs = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rate=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f " ..
    "errors=%d non200=%d app_p50_ms=%.3f app_p99_ms=%.3f scan_p99_ms=%.3f wait_p99_ms=%.3f\n",
    summary.requests, secs, summary.requests / secs, latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    bad, percentile(app, 50), percentile(app, 99), percentile(scan, 99), percentile(wait, 99)))
end
