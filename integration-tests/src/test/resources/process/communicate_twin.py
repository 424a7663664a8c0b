"""asyncio's communicate() on a child that exits at once without reading its stdin, fed 4 MiB:
the broken pipe is ignored. Prints what the jcoro twin must print too."""
import asyncio
import sys


async def main():
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "import sys; sys.stdout.write('bye'); sys.stderr.write('!'); sys.exit(5)",
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(proc.communicate(b"x" * (4 * 1024 * 1024)), 20)
    print("exit %d stdout %s stderr %s" % (proc.returncode, out.decode(), err.decode()))


asyncio.run(main())
