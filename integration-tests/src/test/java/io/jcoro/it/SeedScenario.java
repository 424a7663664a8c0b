package io.jcoro.it;

import io.jcoro.Coroutine;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The scenarios of seed 000, each played on a fresh {@link VirtualRun}. Each has a twin of the
 * same name in {@code src/test/resources/oracle/fundamentals.py}, written in Python asyncio and
 * printing the same lines; {@link OracleTest} compares the two traces.
 */
enum SeedScenario {
    /** {@code result = asyncio.run(simple_coroutine()); print(result)}. */
    SIMPLE_COROUTINE {
        @Override
        void play(VirtualRun run) {
            run.log(run.run(run.seed().simpleCoroutine()));
        }
    },

    /** The seed's "Coroutine States": created, running, suspended (seen from a timer), closed. */
    COROUTINE_STATES {
        @Override
        void play(VirtualRun run) {
            Coroutine<String> coroutine = run.seed().simpleCoroutine();
            run.log("created [" + coroutine.state() + "]");
            run.timeline().suffix(() -> " [" + coroutine.state() + "]");
            run.loop().callLater(Duration.ofMillis(500), () -> run.log("timer at 500 ms"));
            String result = run.run(coroutine);
            run.log(result);
        }
    },

    /** {@code print(await fetch_user(1))}, as one line. */
    FETCH_USER {
        @Override
        void play(VirtualRun run) {
            run.log(run.run(run.seed().fetchUser(1)).describe());
        }
    },

    /** {@code print(await process_user(2))}, as one line. */
    PROCESS_USER {
        @Override
        void play(VirtualRun run) {
            run.log(run.run(run.seed().processUser(2)).describe());
        }
    },

    /** {@code asyncio.run(main())}: three users processed concurrently. */
    MAIN {
        @Override
        void play(VirtualRun run) {
            run.run(run.seed().main());
        }
    },

    /** Three coroutines that each sleep 100 ms, gathered. */
    THREE_NAPS {
        @Override
        void play(VirtualRun run) {
            run.run(run.seed().threeNaps());
        }
    },

    /** {@code processUser(7)} awaited while another task is ready. */
    INLINE_AWAIT {
        @Override
        void play(VirtualRun run) {
            run.log(run.run(run.seed().processUserBesideReadyTask(7)).describe());
        }
    },

    /** {@code asyncio.run(robust_task_runner())}: five tasks, two fail, gathered settled. */
    ROBUST_TASK_RUNNER {
        @Override
        void play(VirtualRun run) {
            run.run(run.seed().robustTaskRunner());
        }
    },

    /** {@code asyncio.run(unreliable_task(1))} raises the task's own exception. */
    FAILURE_IS_RETHROWN {
        @Override
        void play(VirtualRun run) {
            try {
                run.run(run.seed().unreliableTask(1));
                run.log("returned");
            } catch (RuntimeException e) {
                run.log("raised: " + e.getMessage());
            }
        }
    };

    /** Plays the scenario on {@code run}; its trace is then in {@code run.lines()}. */
    abstract void play(VirtualRun run);

    /** The name of the Python twin: {@code simple_coroutine}. */
    String pythonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Plays the scenario on a fresh virtual-time run and returns its trace. */
    List<String> trace() {
        try (VirtualRun run = new VirtualRun()) {
            play(run);
            return run.lines();
        }
    }
}
