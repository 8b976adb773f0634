#!/usr/bin/python3
"""A backend that behaves in ways RFC 6455 and real servers allow, on python3-websockets (Debian).

Serves /api/v1/ws/<feed> for any feed: a `<feed>_update` snapshot on connect and after
client_ready. Options pick the oddity:

  --unsolicited-pong-ms N  send an unsolicited pong frame every N ms (RFC 6455 5.5.3 heartbeat)
  --foreign-clock-pongs    answer {"type":"ping"} with a pong carrying the server's own clock
  --echo-pongs             answer {"type":"ping"} with a pong echoing the timestamp
  --not-ready-ms N         refuse every upgrade with HTTP 503 for the first N ms after start
  --restart-code C         on SIGTERM close every socket with code C, then exit (default 1012,
                           what uvicorn sends on shutdown); 0 exits without a close frame
  --hello                  send {"type":"hello","server_id":...} first (a new id each start)

Prints "PORT <n>" on stdout once it listens, and "CLOSED <n>" after closing n sockets on SIGTERM.
"""
import argparse
import asyncio
import http
import json
import signal
import time

import websockets

START = time.monotonic()
CLIENTS = set()


def snapshot(feed):
    return json.dumps({"type": feed.replace("-", "_") + "_update",
                       "data": {"phases": [{"queue_id": "q1", "status": "ready"}],
                                "paused": False, "feed": feed}})


async def process_request(path, headers):
    if ARGS.not_ready_ms and (time.monotonic() - START) * 1000 < ARGS.not_ready_ms:
        return (http.HTTPStatus.SERVICE_UNAVAILABLE, [("Content-Type", "text/plain")],
                b"starting: migrations running\n")
    if not path.startswith("/api/v1/ws/"):
        return http.HTTPStatus.NOT_FOUND, [("Content-Type", "text/plain")], b"no such path\n"
    return None


async def handler(websocket, path=None):
    path = path or websocket.path
    feed = path[len("/api/v1/ws/"):].split("?")[0]
    CLIENTS.add(websocket)
    tasks = []
    try:
        if ARGS.hello:
            await websocket.send(json.dumps({"type": "hello", "server_id": SERVER_ID,
                                             "connection_id": str(id(websocket)),
                                             "capabilities": ["ping"] if (ARGS.echo_pongs or ARGS.foreign_clock_pongs) else []}))
        await websocket.send(snapshot(feed))
        if ARGS.unsolicited_pong_ms:
            async def pong_loop():
                n = 0
                while True:
                    await asyncio.sleep(ARGS.unsolicited_pong_ms / 1000.0)
                    n += 1
                    await websocket.pong(b"beat-%d" % n)
            tasks.append(asyncio.ensure_future(pong_loop()))
        async for message in websocket:
            try:
                msg = json.loads(message)
            except ValueError:
                continue
            if not isinstance(msg, dict):
                continue
            if msg.get("type") == "client_ready":
                await websocket.send(snapshot(feed))
            elif msg.get("type") == "ping":
                if ARGS.echo_pongs:
                    await websocket.send(json.dumps({"type": "pong",
                                                     "timestamp": msg.get("timestamp")}))
                elif ARGS.foreign_clock_pongs:
                    # The server's own clock, not the client's timestamp.
                    await websocket.send(json.dumps({"type": "pong",
                                                     "timestamp": time.time() * 1000 - 1.7e12}))
    except websockets.ConnectionClosed:
        pass
    finally:
        CLIENTS.discard(websocket)
        for task in tasks:
            task.cancel()


async def main():
    loop = asyncio.get_running_loop()
    stop = loop.create_future()
    loop.add_signal_handler(signal.SIGTERM, lambda: stop.done() or stop.set_result(True))
    server = await websockets.serve(handler, "127.0.0.1", ARGS.port,
                                    process_request=process_request,
                                    ping_interval=None, compression=None)
    print(f"PORT {server.sockets[0].getsockname()[1]}", flush=True)
    await stop
    clients = list(CLIENTS)
    if ARGS.restart_code:
        await asyncio.gather(*(ws.close(code=ARGS.restart_code, reason="service restart")
                               for ws in clients), return_exceptions=True)
    else:
        for ws in clients:
            ws.transport.abort()
    print(f"CLOSED {len(clients)}", flush=True)
    server.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--unsolicited-pong-ms", type=int, default=0)
    parser.add_argument("--foreign-clock-pongs", action="store_true")
    parser.add_argument("--echo-pongs", action="store_true")
    parser.add_argument("--not-ready-ms", type=int, default=0)
    parser.add_argument("--restart-code", type=int, default=1012)
    parser.add_argument("--hello", action="store_true")
    ARGS = parser.parse_args()
    SERVER_ID = f"odd-{int(time.time() * 1000)}"
    asyncio.run(main())
