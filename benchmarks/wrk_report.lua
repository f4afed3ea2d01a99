-- wrk script for benchmarks/served.py: optional list of paths to cycle through (one a line in
-- the file named by WRK_PATHS), and a one-line JSON summary at the end that served.py reads.
local paths = {}
local counter = 0
local path_file = os.getenv("WRK_PATHS")
if path_file and path_file ~= "" then
  for line in io.lines(path_file) do
    if line ~= "" then paths[#paths + 1] = line end
  end
end

local statuses = {}

function setup(thread)
  thread:set("offset", #statuses)
  statuses[#statuses + 1] = thread
end

function init(args)
  non_success = 0
  -- Each thread starts at its own share of the list, so no two ask for the same path together.
  local threads = tonumber(os.getenv("WRK_THREADS") or "1")
  counter = math.floor((offset or 0) * #paths / threads)
end

function request()
  if #paths == 0 then
    return wrk.format(nil)
  end
  counter = counter + 1
  return wrk.format(nil, paths[(counter % #paths) + 1])
end

function response(status, headers, body)
  -- Server faults only: the distinct stream asks for some pages past the last (a 404 with a
  -- message), which is the right answer, not an error.
  if status >= 500 then
    non_success = non_success + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(statuses) do
    bad = bad + (thread:get("non_success") or 0)
  end
  local errors = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "non_success": %d, '
      .. '"connect_errors": %d, "read_errors": %d, "write_errors": %d, "timeouts": %d, '
      .. '"p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d}\n',
    summary.requests, summary.duration, bad, errors.connect, errors.read, errors.write,
    errors.timeout, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.max))
end
