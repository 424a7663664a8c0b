"""Seed 002, "Understanding Python Coroutines: Concepts, Implementation, and Practical Examples",
as the oracle for io.jcoro.it.seeds.PracticalExamples.

Usage: python3 practical.py SCENARIO. Prints the scenario's trace stamped with virtual time; the
Java twin of each scenario is the SeedScenario constant of the same name. time.strftime('%X')
reads the virtual clock (timeline.clock()); aiohttp is replaced by the same stand-in as the
Java twin's ClientSession: no network, a fixed latency per URL.
"""

import asyncio
import sys

from virtual_loop import Timeline, VirtualTimeLoop

loop = VirtualTimeLoop()
timeline = Timeline(loop)


def log(text):
    timeline.line(str(text))


# ---------------------------------------------------------------- 2.2 async and await

async def say_after(delay, what):
    await asyncio.sleep(delay)
    log(what)


async def main_sequential():
    log(f"started at {timeline.clock()}")
    await say_after(1, 'hello')
    await say_after(2, 'world')
    log(f"finished at {timeline.clock()}")


async def main_concurrent():
    task1 = asyncio.create_task(say_after(1, 'hello'))
    task2 = asyncio.create_task(say_after(2, 'world'))
    log(f"started at {timeline.clock()}")
    await task1
    await task2
    log(f"finished at {timeline.clock()}")


# ---------------------------------------------------------------- 4. concurrent HTTP requests

LATENCY = {
    "https://api.example.com/data1": 0.3,
    "https://api.example.com/data2": 0.1,
    "https://api.example.com/data3": 0.2,
}


class Response:
    def __init__(self, url):
        self.url = url

    async def text(self):
        return "data of " + self.url.rsplit("/", 1)[1]


class RequestContextManager:
    def __init__(self, url):
        self.url = url
        self.response = None

    async def __aenter__(self):
        log(f"GET {self.url}")
        await asyncio.sleep(LATENCY.get(self.url, 0.05))
        self.response = Response(self.url)
        return self.response

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        log(f"released {self.url}")


class ClientSession:
    async def __aenter__(self):
        log("session opened")
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        log("session closed")

    def get(self, url):
        return RequestContextManager(url)


async def fetch(session, url):
    async with session.get(url) as response:
        return await response.text()


async def main_fetch():
    urls = [
        "https://api.example.com/data1",
        "https://api.example.com/data2",
        "https://api.example.com/data3",
    ]
    async with ClientSession() as session:
        tasks = [fetch(session, url) for url in urls]
        responses = await asyncio.gather(*tasks)
        for response in responses:
            log(response)


# ---------------------------------------------------------------- 5. resource management

class ResourceManager:
    def __init__(self):
        self.resources = {}

    async def acquire(self, resource_id):
        await asyncio.sleep(1)  # simulate acquisition time
        log(f"Acquired resource {resource_id}")
        self.resources[resource_id] = True

    async def release(self, resource_id):
        await asyncio.sleep(1)  # simulate release time
        log(f"Released resource {resource_id}")
        del self.resources[resource_id]


async def use_resource(manager, resource_id):
    await manager.acquire(resource_id)
    log(f"Using resource {resource_id}")
    await asyncio.sleep(2)  # simulate usage time
    await manager.release(resource_id)
    log(f"Released resource {resource_id}")


async def main_resources():
    manager = ResourceManager()
    tasks = [use_resource(manager, i) for i in range(5)]
    await asyncio.gather(*tasks)
    return manager


# ---------------------------------------------------------------- the harness

def scenario_resource_manager():
    manager = loop.run_until_complete(main_resources())
    log(f"resources held at the end: {manager.resources}")


SCENARIOS = {
    "say_after_sequential": lambda: loop.run_until_complete(main_sequential()),
    "say_after_concurrent": lambda: loop.run_until_complete(main_concurrent()),
    "fetch_concurrently": lambda: loop.run_until_complete(main_fetch()),
    "resource_manager": scenario_resource_manager,
}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in SCENARIOS:
        sys.exit(f"usage: practical.py {{{','.join(SCENARIOS)}}}")
    try:
        SCENARIOS[sys.argv[1]]()
    finally:
        loop.close()
