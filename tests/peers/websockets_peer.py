#!/usr/bin/python3
"""A Feedwatch backend on the python3-websockets library (Debian package python3-websockets).

The library does the WebSocket work we want to test against: it answers ping frames, pings the
client itself every --ping-interval seconds and closes with 1011 when no pong comes within
--ping-timeout, and runs its own close handshake. The app sends hello, a queue snapshot on
connect and one per second, and answers app-level pings.

Prints "PORT <n>" on stdout once it listens (--port 0 lets the OS choose).
"""
import argparse
import asyncio
import json
import time

import websockets


def snapshot(tick):
    phases = [{"queue_id": f"q{i}", "phase_number": i, "status": "running",
               "phase_data": {"title": f"phase {i}"}} for i in range(3)]
    return json.dumps({"type": "queue_update", "data": {"phases": phases, "paused": False,
                                                        "tick": tick}})


async def handler(websocket, path=None):
    await websocket.send(json.dumps({"type": "hello", "server_id": f"websockets-{START}",
                                     "connection_id": str(id(websocket)),
                                     "capabilities": ["ping"]}))
    await websocket.send(snapshot(0))

    async def ticker():
        tick = 0
        while True:
            await asyncio.sleep(1.0)
            tick += 1
            await websocket.send(snapshot(tick))

    task = asyncio.ensure_future(ticker())
    try:
        async for message in websocket:
            try:
                msg = json.loads(message)
            except ValueError:
                continue
            if isinstance(msg, dict) and msg.get("type") == "ping":
                await websocket.send(json.dumps({"type": "pong", "timestamp": msg.get("timestamp"),
                                                 "server_time": int(time.time() * 1000)}))
    except websockets.ConnectionClosed:
        pass
    finally:
        task.cancel()


async def main(args):
    async with websockets.serve(handler, "127.0.0.1", args.port,
                                ping_interval=args.ping_interval,
                                ping_timeout=args.ping_timeout) as server:
        port = server.sockets[0].getsockname()[1]
        print(f"PORT {port}", flush=True)
        await asyncio.Future()


START = int(time.time() * 1000)

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--ping-interval", type=float, default=0.3)
    parser.add_argument("--ping-timeout", type=float, default=0.6)
    asyncio.run(main(parser.parse_args()))
