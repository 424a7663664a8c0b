# Twin of SeedPatternsTest (the seed's AsyncDatabase), with loop times in ms.
import asyncio

trace = []
def t():
    return round((asyncio.get_running_loop().time() - T0) * 1000)

class AsyncDatabase:
    def __init__(self, name):
        self.name = name
        self.connected = False
    async def __aenter__(self):
        trace.append(f"{t()} connecting to {self.name}")
        await asyncio.sleep(0.1)
        self.connected = True
        return self
    async def __aexit__(self, exc_type, exc_val, exc_tb):
        trace.append(f"{t()} disconnecting from {self.name}")
        await asyncio.sleep(0.05)
        self.connected = False
    async def query(self, sql):
        if not self.connected:
            raise RuntimeError("Database not connected")
        await asyncio.sleep(0.2)
        return f"Results for: {sql}"

async def database_operations():
    global T0
    T0 = asyncio.get_running_loop().time()
    async with AsyncDatabase("UserDB") as db:
        result = await db.query("SELECT * FROM users")
    trace.append(f"ended at {t()}")
    return result

print(asyncio.run(database_operations()), trace)
