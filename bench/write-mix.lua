-- wrk script: the write mix. Each posted request (as the author) is then claimed (by a mentor) and answered
-- (an offer by a third person): POST /api/requests, POST /api/requests/{id}/claim, POST /api/requests/{id}/offers.
-- Credentials come from the environment: BENCH_AUTHOR_AUTH, BENCH_MENTOR_AUTH, BENCH_HELPER_AUTH
-- ("Bearer hr_..." or "Basic ..." header values). The next step is read from the response body, so no state
-- is shared between connections; done() prints how many requests were created, claimed and answered.

local author = os.getenv("BENCH_AUTHOR_AUTH")
local mentor = os.getenv("BENCH_MENTOR_AUTH")
local helper = os.getenv("BENCH_HELPER_AUTH")

local threads = {}

function setup(thread)
	table.insert(threads, thread)
end

local queue = {}
local head, tail = 1, 0
posted, claimed, offered, failed = 0, 0, 0, 0
local n = 0

local post_body = '{"title":"Benchmark: the build cache misses on CI","details":"Every CI build downloads '
	.. 'all dependencies again although the cache step reports a hit. What did we miss?",'
	.. '"triedSoFar":"Cleared the cache key","topics":["ci","maven"],"urgency":"NORMAL"}'
local offer_body = '{"message":"The cache key includes the timestamp of the lock file; key it on its hash instead."}'

local function json_headers(auth)
	return { ["Content-Type"] = "application/json", ["Accept"] = "application/json", ["Authorization"] = auth }
end

function request()
	if head <= tail then
		local step = queue[head]
		queue[head] = nil
		head = head + 1
		if step.kind == "claim" then
			return wrk.format("POST", "/api/requests/" .. step.id .. "/claim", json_headers(mentor), "")
		end
		return wrk.format("POST", "/api/requests/" .. step.id .. "/offers", json_headers(helper), offer_body)
	end
	n = n + 1
	return wrk.format("POST", "/api/requests", json_headers(author), post_body)
end

local function push(kind, id)
	tail = tail + 1
	queue[tail] = { kind = kind, id = id }
end

function response(status, headers, body)
	if status >= 300 then
		failed = failed + 1
		return
	end
	-- POST answers 201 with the request (status OPEN), claim 200 (CLAIMED), offer 201 with the offer
	local id = body:match('"id":(%d+)')
	if body:find('"status":"OPEN"', 1, true) then
		posted = posted + 1
		push("claim", id)
	elseif body:find('"status":"CLAIMED"', 1, true) then
		claimed = claimed + 1
		push("offer", id)
	else
		offered = offered + 1
	end
end

function done(summary, latency, requests)
	local p, c, o, f = 0, 0, 0, 0
	for _, t in ipairs(threads) do
		p = p + t:get("posted")
		c = c + t:get("claimed")
		o = o + t:get("offered")
		f = f + t:get("failed")
	end
	local seconds = summary.duration / 1000000
	io.write(string.format("write-mix: posted %d, claimed %d, offered %d, failed %d\n", p, c, o, f))
	io.write(string.format("write-mix: created requests/s %.1f\n", p / seconds))
end
