#!/usr/bin/python3
"""A backend shaped like tac-webbuilder's FastAPI server (Debian packages python3-fastapi and
python3-uvicorn), for Feedwatch's HTTP operator actions: the HTTP actions of
../shared/backends/tac-webbuilder/README.md with FastAPI's own errors ({"detail": ...}), and its
WebSockets as the real server speaks them (waits for client_ready, {"type":"<feed>_update"},
answers app pings, sends no hello, and broadcasts every change on every open socket, whatever
its path).

Unlike the real server it honours `Idempotency-Key`: the first request with a key is applied and
its answer kept; a request with the same key gets that answer again and changes nothing. That is
what lets a test prove "applied exactly once" across lost answers and a restart of the client.

Test controls (not part of the real API):
  POST /test/drop-next {"count": n}   the next n actions are applied, then their connection is
                                      aborted before any answer (a lost answer)
  POST /test/hang-next {"count": n}   the next n actions are applied and never answered
  POST /test/fail-next {"count": n, "status": 503}
                                      the next n actions are answered with that status, unapplied
  GET  /test/log                      every action request: key, action, applied, replayed
  GET  /test/state                    the data the feeds show

Prints "PORT <n>" on stdout once it listens (--port 0 lets the OS choose).
"""
import argparse
import asyncio
import json
import socket

import uvicorn
from fastapi import FastAPI, HTTPException, Request, WebSocket, WebSocketDisconnect
from fastapi.responses import JSONResponse

app = FastAPI()

STATE = {
    "paused": False,
    "phases": [
        {"queue_id": "q-ready", "feature_id": 1, "phase_number": 2, "issue_number": 214,
         "status": "ready", "current_phase": "init", "depends_on_phases": [1],
         "phase_data": {"title": "Phase 2: Repository changes"}, "adw_id": None,
         "pr_number": None, "priority": 50, "error_message": None,
         "created_at": "2026-12-02T15:59:51.198276", "updated_at": "2026-12-02T20:54:51.198276"},
        {"queue_id": "q-queued", "feature_id": 1, "phase_number": 3, "issue_number": None,
         "status": "queued", "current_phase": "init", "depends_on_phases": [2],
         "phase_data": {"title": "Phase 3: Tests"}, "adw_id": None, "pr_number": None,
         "priority": 50, "error_message": None,
         "created_at": "2026-12-02T15:59:51.198276", "updated_at": "2026-12-02T20:54:51.198276"},
        {"queue_id": "q-failed", "feature_id": 2, "phase_number": 1, "issue_number": 219,
         "status": "failed", "current_phase": "test", "depends_on_phases": [],
         "phase_data": {"title": "Phase 1: Reconnect storm"}, "adw_id": "9c0d1e2f",
         "pr_number": None, "priority": 40, "error_message": "Tests failed: 3 of 212",
         "created_at": "2026-12-02T15:59:51.198276", "updated_at": "2026-12-02T20:54:51.198276"},
    ],
    "workflows": [
        {"adw_id": "e5f6a7b8", "issue_number": "214", "title": "Multi-dependency phases",
         "status": "running", "current_phase": "build", "phase_progress": 27.8,
         "start_time": "2026-12-02T20:19:51.198276", "duration_seconds": None},
        {"adw_id": "4b5c6d7e", "issue_number": "205", "title": "Cost breakdown per phase",
         "status": "paused", "current_phase": "review", "phase_progress": 61.1,
         "start_time": "2026-12-01T18:59:51.198276", "duration_seconds": None},
    ],
    "webhook_running": False,
    "resyncs": 0,
}
SOCKETS = set()
ANSWERS = {}  # Idempotency-Key -> (status, body)
LOG = []
FAULTS = {"drop": 0, "hang": 0, "fail": 0, "fail_status": 503}


def feed_data(feed):
    if feed == "queue":
        return {"phases": STATE["phases"], "total": len(STATE["phases"]), "paused": STATE["paused"]}
    if feed == "adw-monitor":
        counts = {s: sum(1 for w in STATE["workflows"] if w["status"] == s)
                  for s in ("running", "completed", "failed", "paused")}
        return {"summary": dict(total=len(STATE["workflows"]), **counts),
                "workflows": STATE["workflows"], "last_updated": "2026-12-02T20:59:51.198276"}
    if feed == "webhook-status":
        if not STATE["webhook_running"]:
            return {"status": "error", "message": "Webhook service not running"}
        return {"status": "healthy", "uptime": {"seconds": 4, "hours": 0.0, "human": "0h 0m"},
                "stats": {"total_received": 0, "successful": 0, "failed": 0,
                          "success_rate": "0.0%"},
                "recent_failures": [], "last_successful": None}
    if feed == "workflow-history":
        return {"workflows": [], "total_count": 0,
                "analytics": {"resyncs": STATE["resyncs"]}}
    return []


def message(feed):
    return json.dumps({"type": feed.replace("-", "_") + "_update", "data": feed_data(feed)})


async def broadcast(feed):
    # The real server's ConnectionManager: every open socket gets it, whatever its path.
    text = message(feed)
    for ws in list(SOCKETS):
        try:
            await ws.send_text(text)
        except Exception:
            SOCKETS.discard(ws)


@app.websocket("/api/v1/ws/{feed}")
async def feed_socket(websocket: WebSocket, feed: str):
    await websocket.accept()
    try:
        try:
            first = await asyncio.wait_for(websocket.receive_text(), timeout=2.0)
        except asyncio.TimeoutError:
            first = None
        SOCKETS.add(websocket)
        await websocket.send_text(message(feed))
        pending = [first] if first else []
        while True:
            text = pending.pop() if pending else await websocket.receive_text()
            try:
                msg = json.loads(text)
            except ValueError:
                continue
            if isinstance(msg, dict) and msg.get("type") == "ping":
                await websocket.send_text(json.dumps({"type": "pong",
                                                      "timestamp": msg.get("timestamp")}))
    except WebSocketDisconnect:
        pass
    finally:
        SOCKETS.discard(websocket)


def find_phase(queue_id):
    for phase in STATE["phases"]:
        if phase["queue_id"] == queue_id:
            return phase
    raise HTTPException(404, f"Queue ID {queue_id} not found")


async def pause(request):
    body = await request.json()
    if not isinstance(body, dict) or not isinstance(body.get("paused"), bool):
        raise HTTPException(422, [{"loc": ["body", "paused"], "msg": "field required",
                                   "type": "value_error.missing"}])
    STATE["paused"] = body["paused"]
    return {"paused": STATE["paused"]}, "queue"


async def execute(queue_id):
    phase = find_phase(queue_id)
    if phase["status"] != "ready":
        raise HTTPException(400, "Phase must be 'ready' to execute "
                                 f"(current status: {phase['status']})")
    if not phase["issue_number"]:
        raise HTTPException(400, "Phase does not have a GitHub issue. "
                                 "Create an issue first before executing.")
    phase["status"] = "running"
    phase["adw_id"] = "adw-0a1b2c3d"
    return {"success": True, "message": f"Workflow started for phase {phase['phase_number']}",
            "issue_number": phase["issue_number"], "adw_id": phase["adw_id"]}, "queue"


async def remove(queue_id):
    find_phase(queue_id)
    STATE["phases"] = [p for p in STATE["phases"] if p["queue_id"] != queue_id]
    return {"success": True, "message": f"Phase {queue_id} removed from queue"}, "queue"


async def resume(adw_id):
    for wf in STATE["workflows"]:
        if wf["adw_id"] == adw_id:
            if wf["status"] != "paused":
                raise HTTPException(400, f"ADW {adw_id} is {wf['status']}, not paused")
            wf["status"] = "running"
            return {"success": True, "message": f"ADW {adw_id} resumed successfully",
                    "adw_id": adw_id}, "adw-monitor"
    raise HTTPException(404, f"ADW directory not found: {adw_id}")


async def webhook_start():
    if STATE["webhook_running"]:
        return {"status": "already_running", "message": "Webhook service is already running"}, None
    STATE["webhook_running"] = True
    return {"status": "started", "message": "Webhook service started on port 8001"}, \
        "webhook-status"


async def resync():
    STATE["resyncs"] += 1
    return {"resynced_count": 0, "workflows": [], "errors": [],
            "message": "Bulk resync completed: 0 workflows updated, 0 errors"}, "workflow-history"


async def action(request: Request, name, apply):
    key = request.headers.get("idempotency-key")
    entry = {"key": key, "action": name, "applied": False, "replayed": False}
    LOG.append(entry)
    if key and key in ANSWERS:
        entry["replayed"] = True
        status, body = ANSWERS[key]
        return JSONResponse(body, status_code=status)
    if FAULTS["fail"] > 0:
        FAULTS["fail"] -= 1
        return JSONResponse({"detail": "Service temporarily unavailable"},
                            status_code=FAULTS["fail_status"])
    try:
        body, changed = await apply()
        status = 200
        entry["applied"] = True
    except HTTPException as e:
        status, body, changed = e.status_code, {"detail": e.detail}, None
    if key:
        ANSWERS[key] = (status, body)
    if changed:
        await broadcast(changed)
    if FAULTS["drop"] > 0:
        FAULTS["drop"] -= 1
        return "drop"
    if FAULTS["hang"] > 0:
        FAULTS["hang"] -= 1
        await asyncio.sleep(3600)
    return JSONResponse(body, status_code=status)


@app.post("/api/v1/queue/config/pause")
async def http_pause(request: Request):
    return await respond(request, "queue.pause", lambda: pause(request))


@app.post("/api/v1/queue/{queue_id}/execute")
async def http_execute(queue_id: str, request: Request):
    return await respond(request, "queue.execute", lambda: execute(queue_id))


@app.delete("/api/v1/queue/{queue_id}")
async def http_remove(queue_id: str, request: Request):
    return await respond(request, "queue.remove", lambda: remove(queue_id))


@app.post("/api/v1/queue/resume/{adw_id}")
async def http_resume(adw_id: str, request: Request):
    return await respond(request, "workflow.resume", lambda: resume(adw_id))


@app.post("/api/v1/services/webhook/start")
async def http_webhook_start(request: Request):
    return await respond(request, "webhook.start", webhook_start)


@app.post("/api/v1/workflow-history/resync")
async def http_resync(request: Request):
    return await respond(request, "history.resync", resync)


async def respond(request, name, apply):
    result = await action(request, name, apply)
    if result == "drop":
        # uvicorn's ASGI `send` is bound to its request cycle, which holds the transport: abort
        # it, so the client sees its connection lost after the server applied the action.
        request.scope["feedwatch.drop"]()
        await asyncio.sleep(3600)
    return result


class TransportHandle:
    """ASGI middleware that hands each HTTP request a way to abort its own connection."""

    def __init__(self, inner):
        self.inner = inner

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http":
            cycle = getattr(send, "__self__", None)
            transport = getattr(cycle, "transport", None)
            scope["feedwatch.drop"] = (lambda: transport.abort()) if transport else (lambda: None)
        await self.inner(scope, receive, send)


@app.post("/test/{fault}-next")
async def test_fault(fault: str, request: Request):
    body = await request.json()
    if fault not in ("drop", "hang", "fail"):
        raise HTTPException(404, f"no fault {fault}")
    FAULTS[fault] = int(body.get("count", 1))
    if fault == "fail":
        FAULTS["fail_status"] = int(body.get("status", 503))
    return FAULTS


@app.get("/test/log")
async def test_log():
    return LOG


@app.get("/test/state")
async def test_state():
    return {feed: feed_data(feed)
            for feed in ("queue", "adw-monitor", "webhook-status", "workflow-history")}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", args.port))
    config = uvicorn.Config(TransportHandle(app), log_level="warning", ws="websockets",
                            lifespan="off")
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
