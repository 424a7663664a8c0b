"""An asyncio event loop on virtual time, the twin of jcoro's EventLoop.virtualTime().

Whenever the loop would block waiting for its next timer, the clock jumps to that timer instead,
so `await asyncio.sleep(1)` costs no real time and every timestamp is exact. Everything else is
the standard selector loop: same ready queue, same timer heap, same task scheduling.
"""

import asyncio
import selectors


class _JumpingSelector(selectors.DefaultSelector):
    """A selector whose timed waits advance the loop's virtual clock instead of sleeping."""

    def __init__(self):
        super().__init__()
        self.loop = None

    def select(self, timeout=None):
        if timeout is not None and timeout > 0:
            self.loop.advance(timeout)
            timeout = 0
        # timeout None: nothing scheduled at all; block for real (only the self-pipe can wake it)
        return super().select(timeout)


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        selector = _JumpingSelector()
        self._virtual_now = 0.0
        super().__init__(selector)
        selector.loop = self

    def time(self):
        return self._virtual_now

    def advance(self, seconds):
        self._virtual_now += seconds


class Timeline:
    """Prints lines stamped with the loop clock, as the Java tests' Timeline records them:
    "[500 ms] Processed: User 1"."""

    def __init__(self, loop):
        self.loop = loop
        self.start = loop.time()
        self.suffix = lambda: ""

    def elapsed_millis(self):
        return int(round((self.loop.time() - self.start) * 1000))

    def line(self, text):
        print(f"[{self.elapsed_millis()} ms] {text}{self.suffix()}", flush=True)
