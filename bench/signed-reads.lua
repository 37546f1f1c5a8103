-- wrk script for bench/SignedLoad.java: every request is a GET signed beforehand with its own
-- nonce, read from $SIGNED_DIR/t<thread> (one "timestamp nonce signature" line each). The
-- requests are formatted in init(), so request() costs the load generator one table lookup.
-- Running out repeats the last request, which the replay store refuses (401): wrk reports it as
-- "Non-2xx or 3xx responses" and SignedLoad fails the run, so an exhausted file is never
-- mistaken for a measurement.
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  local dir = os.getenv("SIGNED_DIR")
  local meta = io.open(dir .. "/meta")
  local path = meta:read("*l")
  local pk = meta:read("*l")
  meta:close()
  reqs = {}
  for line in io.lines(dir .. "/t" .. id) do
    local ts, nonce, sig = line:match("(%S+) (%S+) (%S+)")
    reqs[#reqs + 1] = wrk.format("GET", path, {
      ["X-Public-Key"] = pk,
      ["X-Timestamp"] = ts,
      ["X-Nonce"] = nonce,
      ["X-Signature"] = sig,
    })
  end
  i = 0
end

function request()
  if i < #reqs then
    i = i + 1
  end
  return reqs[i]
end
