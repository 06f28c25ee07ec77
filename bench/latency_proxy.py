"""A loopback TCP proxy that adds a fixed delay to every byte each way — a store PC talking
to the owner's company server over the internet (SPEC §9: 30 ms each way) — and counts the
round trips that pass through it.

Each direction of each connection is a reader that stamps every chunk with its arrival
time and a writer that forwards it ``delay`` later, in order: a stream of chunks is
delayed once, not once per chunk (latency, not a bandwidth limit). A **round trip** is
counted each time the client sends after the server has answered (or for the first
time): the number of times the client had to wait for the server, whatever the number
of statements or TCP segments in between.

    proxy = LatencyProxy("localhost", 5432, delay=0.030)
    port = proxy.start()          # runs in a daemon thread; connect to 127.0.0.1:port
    before = proxy.round_trips
    ...
    proxy.stop()

Must not: look into the bytes (it does not know PostgreSQL's protocol).
"""

from __future__ import annotations

import asyncio
import threading
import time
from dataclasses import dataclass


@dataclass
class _Turns:
    """The direction of a connection's last chunk, for counting round trips."""

    client_spoke_last: bool = False


class LatencyProxy:
    """A delaying, round-trip-counting TCP proxy to ``host:port`` (see the module)."""

    def __init__(self, host: str, port: int, *, delay: float = 0.030) -> None:
        self.host = host
        self.port = port
        self.delay = delay
        self.round_trips = 0
        self.connections = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.Server | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._listen_port = 0

    # --- lifetime -----------------------------------------------------------------------
    def start(self) -> int:
        """Start listening on a free loopback port (in a daemon thread); the port."""
        self._thread = threading.Thread(target=self._run, name="latency-proxy", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("the latency proxy did not start")
        return self._listen_port

    def stop(self) -> None:
        """Stop listening and end the proxy's thread (open connections are dropped)."""
        loop = self._loop
        if loop is None:
            return
        loop.call_soon_threadsafe(loop.stop)
        if self._thread is not None:
            self._thread.join(5)
        self._loop = None

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        asyncio.set_event_loop(loop)
        self._server = loop.run_until_complete(asyncio.start_server(self._serve, "127.0.0.1", 0))
        self._listen_port = int(self._server.sockets[0].getsockname()[1])
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            self._server.close()
            for task in asyncio.all_tasks(loop):
                task.cancel()
            loop.run_until_complete(asyncio.sleep(0))
            loop.close()

    # --- one connection -----------------------------------------------------------------
    async def _serve(
        self, client_in: asyncio.StreamReader, client_out: asyncio.StreamWriter
    ) -> None:
        try:
            server_in, server_out = await asyncio.open_connection(self.host, self.port)
        except OSError:
            client_out.close()
            return
        self.connections += 1
        turns = _Turns()
        await asyncio.gather(
            self._pipe(client_in, server_out, turns, from_client=True),
            self._pipe(server_in, client_out, turns, from_client=False),
            return_exceptions=True,
        )

    async def _pipe(
        self,
        source: asyncio.StreamReader,
        sink: asyncio.StreamWriter,
        turns: _Turns,
        *,
        from_client: bool,
    ) -> None:
        queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()
        forward = asyncio.ensure_future(self._forward(queue, sink))
        try:
            while True:
                chunk = await source.read(65536)
                if from_client:
                    if chunk and not turns.client_spoke_last:
                        self.round_trips += 1
                    turns.client_spoke_last = True
                elif chunk:
                    turns.client_spoke_last = False
                await queue.put((time.monotonic() + self.delay, chunk))
                if not chunk:
                    break
            await forward
        finally:
            forward.cancel()
            sink.close()

    @staticmethod
    async def _forward(
        queue: asyncio.Queue[tuple[float, bytes]], sink: asyncio.StreamWriter
    ) -> None:
        while True:
            due, chunk = await queue.get()
            wait = due - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            if not chunk:
                if sink.can_write_eof():
                    sink.write_eof()
                return
            sink.write(chunk)
            await sink.drain()
