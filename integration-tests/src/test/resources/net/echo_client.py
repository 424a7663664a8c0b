"""An asyncio client for the jcoro echo server: sends each line, prints what came back.

Usage: echo_client.py PORT [CAFILE]; with CAFILE it speaks TLS, trusting only that certificate
and checking that it names localhost."""
import asyncio
import ssl
import sys

LINES = ["hello", "w\u00f6rld", "x" * 60000, ""]


async def main(port, cafile):
    tls = ssl.create_default_context(cafile=cafile) if cafile else None
    reader, writer = await asyncio.open_connection(
        "127.0.0.1", port, ssl=tls, server_hostname="localhost" if tls else None)
    if tls:
        print(writer.get_extra_info("ssl_object").version(), flush=True)
    for line in LINES:
        writer.write((line + "\n").encode())
        await writer.drain()
        echoed = (await reader.readline()).decode().rstrip("\n")
        print("same" if echoed == line else "differs: %r" % echoed[:40], flush=True)
    if tls:  # TLS has no half-close here: close (close_notify), the server sees the end
        writer.close()
        await writer.wait_closed()
        print("closed", flush=True)
        return
    writer.write_eof()
    print("eof" if await reader.read() == b"" else "data after eof", flush=True)
    writer.close()
    await writer.wait_closed()


asyncio.run(asyncio.wait_for(main(int(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else None), 15))
