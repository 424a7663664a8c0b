# Twin of ContextVarTest and ExceptionGroupTest (python3.12).
import asyncio, contextvars

VAR = contextvars.ContextVar("var")

async def copies():
    trace = []
    VAR.set("parent")
    async def grandchild():
        trace.append(f"grandchild sees {VAR.get()}")
    async def child():
        trace.append(f"child sees {VAR.get()}")
        VAR.set("child")
        await asyncio.create_task(grandchild())
        trace.append(f"child has {VAR.get()}")
    t = asyncio.create_task(child())
    VAR.set("parent, later")
    await t
    trace.append(f"parent has {VAR.get()}")
    print("copies:", trace)

def exception_group():
    io1, ise, io2 = OSError("io1"), ValueError("ise"), OSError("io2")
    eg = ExceptionGroup("outer", [io1, ExceptionGroup("inner", [ise, io2])])
    match, rest = eg.split(OSError)
    print("split:", repr(match), repr(rest), str(eg), str(ExceptionGroup("x", [io1])))
    print("all match is self:", eg.split(Exception)[0] is eg, eg.subgroup(ExceptionGroup) is eg)

asyncio.run(copies())
exception_group()
