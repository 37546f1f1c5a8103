-- wrk script for bench/SignedLoad.java: every request is signed beforehand with its own nonce.
-- $SIGNED_DIR/meta holds the method, the path and the body (an empty line for none), a line each;
-- $SIGNED_DIR/t<thread> one "public-key timestamp nonce signature" line per request, so a phase
-- may spread its requests over many signers (rents: one renter a line, in turn). The requests are
-- formatted in init(), so request() costs the load generator one table lookup.
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
  local method = meta:read("*l")
  local path = meta:read("*l")
  local body = meta:read("*l")
  meta:close()
  if body == "" then
    body = nil
  end
  reqs = {}
  for line in io.lines(dir .. "/t" .. id) do
    local pk, ts, nonce, sig = line:match("(%S+) (%S+) (%S+) (%S+)")
    local headers = {
      ["X-Public-Key"] = pk,
      ["X-Timestamp"] = ts,
      ["X-Nonce"] = nonce,
      ["X-Signature"] = sig,
    }
    if body then
      headers["Content-Type"] = "application/json"
    end
    reqs[#reqs + 1] = wrk.format(method, path, headers, body)
  end
  i = 0
end

function request()
  if i < #reqs then
    i = i + 1
  end
  return reqs[i]
end
