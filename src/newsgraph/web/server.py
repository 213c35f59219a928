"""Running the pages: a Datasette instance over one store, read-only and on loopback."""

from __future__ import annotations

import socket
import threading
import webbrowser
from collections.abc import Callable
from pathlib import Path
from typing import Any

from newsgraph.store import Store


def app_for(db: str | Path, host: str = "127.0.0.1") -> Any:
    """The Datasette for a store, read-only (checked first: a file of another schema version is
    refused with the reason, instead of pages that fail one by one). Bound to a loopback
    `host`, it answers only requests addressed to a loopback name (see web.asgi_wrapper); its
    errors are pages, never tracebacks on the console (web.handle_exception)."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    from newsgraph.web import LOOPBACK_HOSTS

    Store(db, readonly=True).close()
    if pm.has_plugin("datasette.handle_exception"):
        # Datasette's own handler prints a full traceback (with locals) for every 404; ours
        # answers the same pages without it.
        pm.unregister(name="datasette.handle_exception")
    datasette = Datasette([str(db)], settings={"sql_time_limit_ms": 3000},
                          metadata={"title": "newsgraph",
                                    "about": "newsgraph: who did what to whom, who said what",
                                    "license": "GeoNames CC BY 4.0; basemap © OpenStreetMap"})
    # the store's database names: see newsgraph.web.prepare_connection
    datasette.newsgraph_read_only = frozenset(
        name for name, database in datasette.databases.items() if database.path)
    datasette.newsgraph_hosts = LOOPBACK_HOSTS if host in LOOPBACK_HOSTS else None
    return datasette


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def listen(datasette: Any, host: str, port: int, *, open_browser: bool = False,
           announce: Callable[[str], None] = print) -> None:
    """Serve until interrupted. Datasette's startup hooks run first (basemap registers its
    tiles there), so the first page is as fast as the rest."""
    import asyncio

    import uvicorn

    from newsgraph.web import LOOPBACK_HOSTS

    if host not in LOOPBACK_HOSTS:  # served to the network on purpose: any Host is its name
        datasette.newsgraph_hosts = None
    port = port or free_port(host)
    url = f"http://{host}:{port}/"
    asyncio.run(datasette.invoke_startup())
    announce(url)
    if open_browser:
        threading.Timer(1.0, webbrowser.open, (url,)).start()
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning")
