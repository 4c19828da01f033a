-- The query mix for wrk (Debian's `wrk`): replays a queries.tsv (category TAB path) round-robin, as LoadTest does,
-- each of wrk's threads taking every Nth request. Used by `CLIENT=wrk bench/search.sh`; on its own:
--   wrk -t1 -c16 -d10s -s bench/mix.lua http://localhost:7070 -- queries.tsv LABEL THREADS   (THREADS: wrk's -t)
-- Prints one results.tsv row at the end (label, "ALL", n, req/s, p50, p90, p99, max in ms, errors): wrk keeps every
-- latency (to the microsecond) and takes percentiles by rank, as LoadTest does; it cannot split them by category.

local threads = {}

function setup(thread)
  thread:set("first", #threads)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    local path = line:match("^[^\t]*\t(.+)$")
    if path then paths[#paths + 1] = path end
  end
  label = args[2] or "wrk"
  step = tonumber(args[3] or "1")
  nextRequest = first
end

function request()
  local path = paths[(nextRequest % #paths) + 1]
  nextRequest = nextRequest + step
  return wrk.format("GET", path)
end

function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout + e.status
  local ms = function(us) return string.format("%.2f", us / 1000) end
  io.write(string.format("%s\tALL\t%d\t%.1f\t%s\t%s\t%s\t%s\t%d\n", threads[1]:get("label"), summary.requests,
    summary.requests / (summary.duration / 1e6), ms(latency:percentile(50)), ms(latency:percentile(90)),
    ms(latency:percentile(99)), ms(latency.max), errors))
end
