-- wrk script: POST one chat completion, the same body the bench sends.
--   wrk -t1 -c10 -d10s --latency -s bench/wrk-chat.lua http://127.0.0.1:PORT/v1/chat/completions
-- The model defaults to sim-small (the simulator); set WRK_MODEL=bench for the gateway,
-- WRK_MODEL=sim for LiteLLM, WRK_STREAM=1 for "stream": true.
local model = os.getenv("WRK_MODEL") or "sim-small"
local stream = os.getenv("WRK_STREAM") == "1" and "true" or "false"
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"model":"' .. model .. '","messages":[{"role":"user","content":"Hello from the load bench, how are you today?"}],"stream":' .. stream .. '}'
