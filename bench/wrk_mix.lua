-- A mix of GET requests for bench/scale_out.py: the paths are wrk's arguments after "--", asked in
-- turn, each thread starting at its own offset. The summary line is wrk_report.lua's.
local here = debug.getinfo(1, "S").source:sub(2):match("(.*/)") or "./"
dofile(here .. "wrk_report.lua")

local threads = 0
setup = function(thread)
  thread:set("offset", threads * 7)
  threads = threads + 1
end

local paths = {}
local n = 0
init = function(args)
  for i, path in ipairs(args) do
    paths[i] = path
  end
  n = offset or 0
end

request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end
