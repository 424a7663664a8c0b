"""An asyncio client for the jcoro echo server: sends each line, prints what came back."""
import asyncio
import sys

LINES = ["hello", "w\u00f6rld", "x" * 60000, ""]


async def main(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for line in LINES:
        writer.write((line + "\n").encode())
        await writer.drain()
        echoed = (await reader.readline()).decode().rstrip("\n")
        print("same" if echoed == line else "differs: %r" % echoed[:40], flush=True)
    writer.write_eof()
    print("eof" if await reader.read() == b"" else "data after eof", flush=True)
    writer.close()
    await writer.wait_closed()


asyncio.run(asyncio.wait_for(main(int(sys.argv[1])), 15))
