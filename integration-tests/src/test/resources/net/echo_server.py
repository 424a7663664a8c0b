"""An asyncio echo server for the jcoro client: prints its port, serves until stdin closes."""
import asyncio
import sys


async def echo(reader, writer):
    while line := await reader.readline():
        writer.write(line)
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, sys.stdin.read)  # until the test closes our stdin
    server.close()
    await server.wait_closed()


asyncio.run(asyncio.wait_for(main(), 15))
