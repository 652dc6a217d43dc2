-- wrk script for bench/hotpath.sh: like wrk-chat.lua, plus WRK_TOKENS (x-sim-output-tokens,
-- the length of the simulator's answer) so a streamed answer has a known number of chunks.
local model = os.getenv("WRK_MODEL") or "sim-small"
local stream = os.getenv("WRK_STREAM") == "1" and "true" or "false"
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local tokens = os.getenv("WRK_TOKENS")
if tokens then wrk.headers["x-sim-output-tokens"] = tokens end
wrk.body = '{"model":"' .. model .. '","messages":[{"role":"user","content":"Hello from the load bench, how are you today?"}],"stream":' .. stream .. '}'
