"""An asyncio event loop on virtual time, the twin of jcoro's EventLoop.virtualTime().

Whenever the loop would block waiting for its next timer, the clock jumps to that timer instead,
so `await asyncio.sleep(1)` costs no real time and every timestamp is exact. Everything else is
the standard selector loop: same ready queue, same timer heap, same task scheduling, with one
refinement: timers due at the same time run in the order they were scheduled (FIFO), as jcoro's
timer wheel guarantees. asyncio leaves that order undefined ("callbacks scheduled for exactly the
same time: the order in which they are called is undefined"); its heap happens to keep it for a
few timers and not for more (five equal sleeps resume in the order 0, 2, 4, 1, 3).
"""

import asyncio
import heapq
import itertools
import selectors
from asyncio import events


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


class _FifoTimerHandle(events.TimerHandle):
    """A TimerHandle ordered by (when, scheduling order): FIFO among equal deadlines."""

    __slots__ = ("_seq",)
    _counter = itertools.count()

    def __init__(self, when, callback, args, loop, context=None):
        super().__init__(when, callback, args, loop, context)
        self._seq = next(_FifoTimerHandle._counter)

    def __lt__(self, other):
        if isinstance(other, _FifoTimerHandle) and self._when == other._when:
            return self._seq < other._seq
        return super().__lt__(other)


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

    def call_at(self, when, callback, *args, context=None):
        # BaseEventLoop.call_at, with _FifoTimerHandle for TimerHandle
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, 'call_at')
        timer = _FifoTimerHandle(when, callback, args, self, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        heapq.heappush(self._scheduled, timer)
        timer._scheduled = True
        return timer


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

    def clock(self):
        """time.strftime('%X') on the virtual clock: whole seconds since start, as HH:MM:SS."""
        seconds = self.elapsed_millis() // 1000
        return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
