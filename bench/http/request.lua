-- wrk script for bench/http-api.sh: every request unique (numbers, texts and client references carry a counter),
-- so duplicate checks (002 csms_id, 001's same-text-within-2-minutes) never refuse a benchmark request.
-- Environment: BENCH_KIND (native-single, native-bulk, d002-single, d002-bulk, d001-single, d001-bulk), BENCH_TOKEN,
-- BENCH_SENDER, BENCH_PREFIX (destination digits before the counter), BENCH_RUN (a word per run against one server).
local kind = os.getenv("BENCH_KIND")
local token = os.getenv("BENCH_TOKEN")
local sender = os.getenv("BENCH_SENDER")
local prefix = os.getenv("BENCH_PREFIX")
-- Tells the runs against one server apart (warm-up, measured), so their client references and texts differ.
local run = os.getenv("BENCH_RUN") or "m"
local threads = {}
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
  table.insert(threads, thread)
end

local counter = 0

local function number(n)
  return string.format("%s%06d", prefix, n % 1000000)
end

local function numbers(first, count, quoted)
  local list = {}
  for i = 0, count - 1 do
    list[#list + 1] = '"' .. number(first + i) .. '"'
  end
  return table.concat(list, ",")
end

request = function()
  counter = counter + 1
  local n = tid * 10000000 + counter
  local text = "Bench message " .. run .. n
  if kind == "native-single" then
    return wrk.format("POST", "/v1/messages", { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" },
      '{"to":"+' .. number(n) .. '","from":"' .. sender .. '","text":"' .. text .. '"}')
  elseif kind == "native-bulk" then
    return wrk.format("POST", "/v1/messages", { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" },
      '{"to":[' .. numbers(n * 100, 100) .. '],"from":"' .. sender .. '","text":"' .. text .. '"}')
  elseif kind == "d002-single" then
    return wrk.format("POST", "/api/v3/send-sms", { ["Content-Type"] = "application/json" },
      '{"api_token":"' .. token .. '","sid":"' .. sender .. '","msisdn":"' .. number(n) .. '","sms":"' .. text .. '","csms_id":"s' .. run .. n .. '"}')
  elseif kind == "d002-bulk" then
    return wrk.format("POST", "/api/v3/send-sms/bulk", { ["Content-Type"] = "application/json" },
      '{"api_token":"' .. token .. '","sid":"' .. sender .. '","msisdn":[' .. numbers(n * 100, 100) .. '],"sms":"' .. text .. '","batch_csms_id":"k' .. run .. n .. '"}')
  elseif kind == "d001-single" then
    return wrk.format("POST", "/api/json/send", { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" },
      '{"src_addr":"' .. sender .. '","phone":["' .. number(n) .. '"],"message":"' .. text .. '"}')
  elseif kind == "d001-bulk" then
    return wrk.format("POST", "/api/json/send", { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" },
      '{"src_addr":"' .. sender .. '","phone":[' .. numbers(n * 100, 100) .. '],"message":"' .. text .. '"}')
  end
  error("unknown BENCH_KIND " .. tostring(kind))
end

-- The first few refusals are shown, so a failing workload says why.
local shown = 0
response = function(status, headers, body)
  if status >= 300 and shown < 3 then
    shown = shown + 1
    io.stderr:write("refused " .. status .. ": " .. body:sub(1, 300) .. "\n")
  end
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d non2xx=%d timeouts=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.status + e.connect + e.read + e.write + e.timeout, e.status, e.timeout))
end
