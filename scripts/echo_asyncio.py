#!/usr/bin/env python3
"""The asyncio and uvloop twins of jcoro's echo server (io.jcoro.bench.io.EchoHandler), for
io.jcoro.bench.io.EchoBench, which starts this script as a child process.

    /usr/bin/python3 scripts/echo_asyncio.py --loop asyncio|uvloop

Listens on an ephemeral port of 127.0.0.1, prints "port N", then serves until its standard input
ends. Each connection runs the same stream loop as jcoro's handler: read up to 64 KiB, write it,
drain (the writer's back-pressure).
"""
import argparse
import asyncio
import socket
import sys

MAX_READ = 64 * 1024


async def echo(reader, writer):
    sock = writer.get_extra_info("socket")
    if sock is not None:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        while True:
            data = await reader.read(MAX_READ)
            if not data:
                break
            writer.write(data)
            await writer.drain()
    except ConnectionError:
        pass  # the peer went away
    finally:
        writer.close()


async def main():
    server = await asyncio.start_server(echo, "127.0.0.1", 0, backlog=1024)
    print("port %d" % server.sockets[0].getsockname()[1], flush=True)
    loop = asyncio.get_running_loop()
    stdin_closed = loop.create_future()
    loop.add_reader(sys.stdin.fileno(), lambda: stdin_closed.done() or stdin_closed.set_result(None))
    await stdin_closed
    server.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--loop", choices=["asyncio", "uvloop"], default="asyncio")
    if parser.parse_args().loop == "uvloop":
        import uvloop
        uvloop.install()
    asyncio.run(main())
