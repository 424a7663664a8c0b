package io.jcoro.it;

import io.jcoro.Coroutine;
import io.jcoro.it.seeds.CoroutineInternals;
import io.jcoro.it.seeds.CoroutineObjects;
import io.jcoro.it.seeds.CoroutinesExplained;
import io.jcoro.it.seeds.PracticalExamples;
import io.jcoro.it.seeds.ResourceManager;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The scenarios of the seeds, each played on a fresh {@link VirtualRun}. Each has a twin of the
 * same name (lower case) in its {@link Script} under {@code src/test/resources/oracle/}, written
 * in Python asyncio and printing the same lines; {@link OracleTest} compares the two traces.
 */
enum SeedScenario {
    /** {@code result = asyncio.run(simple_coroutine()); print(result)}. */
    SIMPLE_COROUTINE(Script.FUNDAMENTALS) {
        @Override
        void play(VirtualRun run) {
            run.log(run.run(run.seed().simpleCoroutine()));
        }
    },

    /** The seed's "Coroutine States": created, running, suspended (seen from a timer), closed. */
    COROUTINE_STATES(Script.FUNDAMENTALS) {
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
    FETCH_USER(Script.FUNDAMENTALS) {
        @Override
        void play(VirtualRun run) {
            run.log(run.run(run.seed().fetchUser(1)).describe());
        }
    },

    /** {@code print(await process_user(2))}, as one line. */
    PROCESS_USER(Script.FUNDAMENTALS) {
        @Override
        void play(VirtualRun run) {
            run.log(run.run(run.seed().processUser(2)).describe());
        }
    },

    /** {@code asyncio.run(main())}: three users processed concurrently. */
    MAIN(Script.FUNDAMENTALS) {
        @Override
        void play(VirtualRun run) {
            run.run(run.seed().main());
        }
    },

    /** Three coroutines that each sleep 100 ms, gathered. */
    THREE_NAPS(Script.FUNDAMENTALS) {
        @Override
        void play(VirtualRun run) {
            run.run(run.seed().threeNaps());
        }
    },

    /** {@code processUser(7)} awaited while another task is ready. */
    INLINE_AWAIT(Script.FUNDAMENTALS) {
        @Override
        void play(VirtualRun run) {
            run.log(run.run(run.seed().processUserBesideReadyTask(7)).describe());
        }
    },

    /** {@code asyncio.run(robust_task_runner())}: five tasks, two fail, gathered settled. */
    ROBUST_TASK_RUNNER(Script.FUNDAMENTALS) {
        @Override
        void play(VirtualRun run) {
            run.run(run.seed().robustTaskRunner());
        }
    },

    /** {@code asyncio.run(unreliable_task(1))} raises the task's own exception. */
    FAILURE_IS_RETHROWN(Script.FUNDAMENTALS) {
        @Override
        void play(VirtualRun run) {
            try {
                run.run(run.seed().unreliableTask(1));
                run.log("returned");
            } catch (RuntimeException e) {
                run.log("raised: " + e.getMessage());
            }
        }
    },

    /** {@code asyncio.run(queue_demo())}: the seed's producer and consumer over a queue of 2. */
    QUEUE_DEMO(Script.FUNDAMENTALS) {
        @Override
        void play(VirtualRun run) {
            run.run(run.seed().queueDemo());
        }
    },

    /** {@code queue_demo} with six items: the producer outruns the consumer and waits at put. */
    QUEUE_BACKPRESSURE(Script.FUNDAMENTALS) {
        @Override
        void play(VirtualRun run) {
            run.run(run.seed().queueDemo(BACKPRESSURE_ITEMS));
        }
    },

    /** {@code result = asyncio.run(database_operations()); print(f"Query result: {result}")}. */
    DATABASE_OPERATIONS(Script.FUNDAMENTALS) {
        @Override
        void play(VirtualRun run) {
            run.log("Query result: " + run.run(run.seed().databaseOperations()));
        }
    },

    /** {@code async with} left by an exception: the database still disconnects. */
    FAILING_DATABASE_OPERATIONS(Script.FUNDAMENTALS) {
        @Override
        void play(VirtualRun run) {
            runReportingFailure(run, run.seed().failingDatabaseOperations());
        }
    },

    /** The database used after its block: "Database not connected". */
    QUERY_AFTER_CLOSE(Script.FUNDAMENTALS) {
        @Override
        void play(VirtualRun run) {
            runReportingFailure(run, run.seed().queryAfterClose());
        }
    },

    /** {@code async with} left by a cancellation: the database still disconnects. */
    CANCELLED_DATABASE_OPERATIONS(Script.FUNDAMENTALS) {
        @Override
        void play(VirtualRun run) {
            run.run(run.seed().cancelledDatabaseOperations());
        }
    },

    // ------------------------------------------------------------ seed 001

    /** {@code result = asyncio.run(my_coroutine()); print(f"Got result: {result}")}. */
    MY_COROUTINE(Script.EXPLAINED) {
        @Override
        void play(VirtualRun run) {
            String result = run.run(run.seed(CoroutinesExplained.class).myCoroutine());
            run.log("Got result: " + result);
        }
    },

    /** The seed's common mistake: {@code my_coroutine()} not awaited runs nothing. */
    FORGOTTEN_AWAIT(Script.EXPLAINED) {
        @Override
        void play(VirtualRun run) {
            CoroutinesExplained seed = run.seed(CoroutinesExplained.class);
            Coroutine<String> coroutine = seed.myCoroutine(); // returns a coroutine; runs nothing
            run.log("my_coroutine() returned a coroutine [" + coroutine.state() + "]");
            run.run(seed.pause(500));
            run.log("after the loop ran 500 ms: [" + coroutine.state() + "]");
            coroutine.close();
            run.log("closed: [" + coroutine.state() + "]");
        }
    },

    /** {@code await my_coroutine()} inside another coroutine. */
    AWAIT_INSIDE_COROUTINE(Script.EXPLAINED) {
        @Override
        void play(VirtualRun run) {
            run.run(run.seed(CoroutinesExplained.class).caller());
        }
    },

    // ------------------------------------------------------------ seed 002

    /** {@code say_after(1, 'hello')} then {@code say_after(2, 'world')}: 3 s. */
    SAY_AFTER_SEQUENTIAL(Script.PRACTICAL) {
        @Override
        void play(VirtualRun run) {
            run.run(run.seed(PracticalExamples.class).mainSequential());
        }
    },

    /** The same two as tasks: 2 s. */
    SAY_AFTER_CONCURRENT(Script.PRACTICAL) {
        @Override
        void play(VirtualRun run) {
            run.run(run.seed(PracticalExamples.class).mainConcurrent());
        }
    },

    /** Three "HTTP" fetches gathered inside {@code async with ClientSession()}. */
    FETCH_CONCURRENTLY(Script.PRACTICAL) {
        @Override
        void play(VirtualRun run) {
            run.run(run.seed(PracticalExamples.class).mainFetch());
        }
    },

    /** Five {@code use_resource} gathered over one {@code ResourceManager}. */
    RESOURCE_MANAGER(Script.PRACTICAL) {
        @Override
        void play(VirtualRun run) {
            ResourceManager manager = run.run(run.seed(PracticalExamples.class).mainResources());
            run.log("resources held at the end: " + manager.resources());
        }
    },

    // ------------------------------------------------------------ seed 003

    /** {@code my_coroutine()}: started, resumed after 0.5 s, complete after 1.5 s. */
    OBJECTS_MY_COROUTINE(Script.OBJECTS) {
        @Override
        void play(VirtualRun run) {
            run.run(run.seed(CoroutineObjects.class).myCoroutine());
        }
    },

    /** {@code asyncio.run(hello())}. */
    HELLO(Script.OBJECTS) {
        @Override
        void play(VirtualRun run) {
            run.log(run.run(run.seed(CoroutineObjects.class).hello()));
        }
    },

    /** Three sleeps of 0.1 s in a row: 0.3 s. */
    HELLO_SEQUENTIAL(Script.OBJECTS) {
        @Override
        void play(VirtualRun run) {
            run.log(run.run(run.seed(CoroutineObjects.class).helloSequential()));
        }
    },

    /** {@code return await hello()}. */
    MAIN_AWAITS_HELLO(Script.OBJECTS) {
        @Override
        void play(VirtualRun run) {
            run.log(run.run(run.seed(CoroutineObjects.class).main()));
        }
    },

    /** {@code return await asyncio.gather(hello(), hello(), hello())}: 0.1 s, in order. */
    GATHER_HELLOS(Script.OBJECTS) {
        @Override
        void play(VirtualRun run) {
            run.log(run.run(run.seed(CoroutineObjects.class).mainGather()).toString());
        }
    },

    /** A coroutine object run twice: "cannot reuse already awaited coroutine". */
    MULTIPLE_AWAITING(Script.OBJECTS) {
        @Override
        void play(VirtualRun run) {
            Coroutine<String> coroutine = run.seed(CoroutineObjects.class).hello();
            run.log(run.run(coroutine));
            try {
                run.log(run.run(coroutine));
            } catch (IllegalStateException e) {
                run.log("raised: " + e.getMessage());
            }
        }
    },

    // ------------------------------------------------------------ seed 004

    /** 36.7 / 36.26: {@code print(asyncio.run(main()))}. */
    ASYNCIO_RUN_RETURNS_42(Script.INTERNALS) {
        @Override
        void play(VirtualRun run) {
            run.log(String.valueOf(run.run(internals(run).main())));
        }
    },

    /** 36.8: a task awaited for its result. */
    TASK_RETURNS_42(Script.INTERNALS) {
        @Override
        void play(VirtualRun run) {
            run.log(String.valueOf(run.run(internals(run).mainWithTask())));
        }
    },

    /** 36.11: the flow of {@code outer} awaiting {@code inner}. */
    OUTER_AWAITS_INNER(Script.INTERNALS) {
        @Override
        void play(VirtualRun run) {
            run.log(String.valueOf(run.run(internals(run).outer())));
        }
    },

    /** 36.12: a future completed by a loop callback. */
    AWAIT_FUTURE(Script.INTERNALS) {
        @Override
        void play(VirtualRun run) {
            run.log(String.valueOf(run.run(internals(run).awaitFuture())));
        }
    },

    /** 36.12: a future failed by a loop callback: the await raises. */
    AWAIT_FAILED_FUTURE(Script.INTERNALS) {
        @Override
        void play(VirtualRun run) {
            run.run(internals(run).awaitFailedFuture());
        }
    },

    /** 36.13: tasks that succeed, fail, are cancelled too late, and are cancelled. */
    AWAIT_TASKS(Script.INTERNALS) {
        @Override
        void play(VirtualRun run) {
            run.run(internals(run).awaitTasks());
        }
    },

    /** 36.14: cancellation with cleanup, re-raised. */
    CANCEL_WITH_CLEANUP(Script.INTERNALS) {
        @Override
        void play(VirtualRun run) {
            run.run(internals(run).cancelWork());
        }
    },

    /** 36.14: cancellation caught and not re-raised: the task is not cancelled. */
    CANCEL_SUPPRESSED(Script.INTERNALS) {
        @Override
        void play(VirtualRun run) {
            run.run(internals(run).cancelStubbornWork());
        }
    },

    /** 36.15: try/finally whose finally awaits. */
    FINALLY_CLEANUP(Script.INTERNALS) {
        @Override
        void play(VirtualRun run) {
            run.run(internals(run).workWithResource());
        }
    },

    /** 36.15: the same, cancelled during the use: the finally still awaits the release. */
    FINALLY_CLEANUP_ON_CANCEL(Script.INTERNALS) {
        @Override
        void play(VirtualRun run) {
            run.run(internals(run).cancelDuringUse());
        }
    },

    /** 36.16: {@code async with lock} in three tasks: one at a time, FIFO. */
    ASYNC_WITH_LOCK(Script.INTERNALS) {
        @Override
        void play(VirtualRun run) {
            run.run(internals(run).lockDemo());
        }
    },

    /** 36.24: a coroutine's exception caught by its awaiter. */
    CATCH_COROUTINE_EXCEPTION(Script.INTERNALS) {
        @Override
        void play(VirtualRun run) {
            run.log(String.valueOf(run.run(internals(run).mainCatching())));
        }
    },

    /** 36.27: a blocking call offloaded with {@code to_thread}. */
    TO_THREAD(Script.INTERNALS) {
        @Override
        void play(VirtualRun run) {
            run.run(internals(run).offloadBlockingCall("x"));
        }
    },

    /** 36.28: a task group waits for its children. */
    TASK_GROUP(Script.INTERNALS) {
        @Override
        void play(VirtualRun run) {
            run.log(run.run(internals(run).taskGroupDemo()).toString());
        }
    },

    /** 36.29: two children fail, the third is cancelled; {@code except*} by type. */
    EXCEPTION_GROUP(Script.INTERNALS) {
        @Override
        void play(VirtualRun run) {
            run.run(internals(run).exceptionGroupDemo());
        }
    },

    /** 36.35: each task sees its own request id; the creator's is untouched. */
    CONTEXT_VARS(Script.INTERNALS) {
        @Override
        void play(VirtualRun run) {
            run.run(internals(run).contextDemo());
        }
    };

    /** The Python twins, in {@code src/test/resources/oracle/}. */
    enum Script {
        FUNDAMENTALS("fundamentals.py"),
        EXPLAINED("explained.py"),
        PRACTICAL("practical.py"),
        OBJECTS("coroutine_objects.py"),
        INTERNALS("internals.py");

        final String fileName;

        Script(String fileName) {
            this.fileName = fileName;
        }
    }

    /** The seed's {@code BACKPRESSURE_ITEMS}: task-1 ... task-6. */
    static final List<String> BACKPRESSURE_ITEMS =
            List.of("task-1", "task-2", "task-3", "task-4", "task-5", "task-6");

    private final Script script;

    SeedScenario(Script script) {
        this.script = script;
    }

    /** The Python script holding the twin. */
    Script script() {
        return script;
    }

    private static CoroutineInternals internals(VirtualRun run) {
        return run.seed(CoroutineInternals.class);
    }

    /** The oracle's {@code run_reporting_failure}: "returned: v" or "raised: message". */
    private static void runReportingFailure(VirtualRun run, Coroutine<?> coroutine) {
        try {
            Object result = run.run(coroutine);
            run.log("returned: " + result);
        } catch (RuntimeException e) {
            run.log("raised: " + e.getMessage());
        }
    }

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
