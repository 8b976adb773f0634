#!/usr/bin/python3
"""A backend that behaves on the wire like tac-webbuilder (Debian packages python3-fastapi and
python3-uvicorn): one connection manager for every endpoint, so each broadcast goes to every
open socket whatever its path; on accept it waits up to 2 s for {"type":"client_ready"}, sends
its feed's snapshot, answers {"type":"ping"} with an echoing pong and ignores everything else.
No hello. The snapshots are the recorded ones in --samples DIR (<feed>.json, as sent).

Every --interval seconds it broadcasts every sample to every socket (identical snapshots are
repeated, as the real server's watchers do), the queue with a "round" counter that changes,
and a "workflow_completed" message no feed has. Prints "PORT <n>" once it listens and
"ROUND <n>" after each broadcast round.
"""
import argparse
import asyncio
import json
import os
import socket

import uvicorn
from fastapi import FastAPI, WebSocket, WebSocketDisconnect

app = FastAPI()
samples = {}
sockets = set()
state = {"round": 0}


def snapshot(feed):
    if feed.startswith("adw-state/"):
        adw_id = feed.split("/", 1)[1]
        message = samples.get("adw-state-" + adw_id)
        if message is None:
            return {"type": "adw_state_update", "adw_id": adw_id, "data": {}}
        return message
    message = samples.get(feed)
    if message is None:
        return None
    if feed == "queue":
        message = json.loads(json.dumps(message))
        message["data"]["round"] = state["round"]
    return message


async def broadcast(message):
    for websocket in list(sockets):
        try:
            await websocket.send_json(message)
        except Exception:
            sockets.discard(websocket)


async def serve_socket(websocket: WebSocket, feed: str):
    await websocket.accept()
    sockets.add(websocket)
    try:
        try:
            await asyncio.wait_for(websocket.receive_text(), timeout=2.0)
        except asyncio.TimeoutError:
            pass
        initial = snapshot(feed)
        if initial is not None:
            await websocket.send_json(initial)
        while True:
            text = await websocket.receive_text()
            try:
                message = json.loads(text)
            except ValueError:
                continue
            if message.get("type") == "ping":
                await websocket.send_json({"type": "pong", "timestamp": message.get("timestamp")})
    except WebSocketDisconnect:
        pass
    finally:
        sockets.discard(websocket)


@app.websocket("/api/v1/ws/{feed}")
async def feed_socket(websocket: WebSocket, feed: str):
    await serve_socket(websocket, feed)


@app.websocket("/api/v1/ws/adw-state/{adw_id}")
async def state_socket(websocket: WebSocket, adw_id: str):
    await serve_socket(websocket, "adw-state/" + adw_id)


async def rounds(interval):
    while True:
        await asyncio.sleep(interval)
        state["round"] += 1
        for name in sorted(samples):
            if name.startswith("adw-state-"):
                continue
            await broadcast(snapshot(name))
        await broadcast({"type": "workflow_completed", "data": {"adw_id": "a1b2c3d4"}})
        print(f"ROUND {state['round']}", flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--samples", required=True)
    parser.add_argument("--interval", type=float, default=0.5)
    args = parser.parse_args()
    for name in os.listdir(args.samples):
        if name.endswith(".json"):
            with open(os.path.join(args.samples, name), encoding="utf-8") as f:
                samples[name[:-5]] = json.load(f)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", args.port))
    config = uvicorn.Config(app, log_level="warning", ws="websockets", lifespan="off")
    server = uvicorn.Server(config)

    async def serve():
        serving = asyncio.ensure_future(server.serve(sockets=[sock]))
        while not server.started and not serving.done():
            await asyncio.sleep(0.01)
        print(f"PORT {sock.getsockname()[1]}", flush=True)
        broadcasting = asyncio.ensure_future(rounds(args.interval))
        await serving
        broadcasting.cancel()

    asyncio.run(serve())


if __name__ == "__main__":
    main()
