#!/usr/bin/python3
"""A Feedwatch backend shaped like the seed's FastAPI one (Debian packages python3-fastapi and
python3-uvicorn): one snapshot on connect, then only `await websocket.receive_text()` in a loop.
It never answers app-level pings and sends no hello; uvicorn's WebSocket layer answers ping
frames and pings the client every --ping-interval seconds.

Prints "PORT <n>" on stdout once it listens (--port 0 lets the OS choose).
"""
import argparse
import asyncio
import socket

import uvicorn
from fastapi import FastAPI, WebSocket, WebSocketDisconnect

app = FastAPI()


@app.websocket("/api/v1/ws/{feed}")
async def feed_socket(websocket: WebSocket, feed: str):
    await websocket.accept()
    await websocket.send_json({
        "type": feed.replace("-", "_") + "_update",
        "data": {"phases": [{"queue_id": "q1", "status": "ready",
                             "phase_data": {"title": "from fastapi"}}], "paused": False},
    })
    try:
        while True:
            await websocket.receive_text()
    except WebSocketDisconnect:
        pass


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--ping-interval", type=float, default=0.3)
    parser.add_argument("--ping-timeout", type=float, default=0.6)
    args = parser.parse_args()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", args.port))
    config = uvicorn.Config(app, log_level="warning", ws="websockets", lifespan="off",
                            ws_ping_interval=args.ping_interval,
                            ws_ping_timeout=args.ping_timeout)
    server = uvicorn.Server(config)

    async def serve():
        serving = asyncio.ensure_future(server.serve(sockets=[sock]))
        while not server.started and not serving.done():
            await asyncio.sleep(0.01)
        print(f"PORT {sock.getsockname()[1]}", flush=True)
        await serving

    asyncio.run(serve())


if __name__ == "__main__":
    main()
