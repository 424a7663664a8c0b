package io.jcoro.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jcoro.CancelledError;
import io.jcoro.Coroutine;
import io.jcoro.ExceptionGroup;
import io.jcoro.processor.testing.CoroCompiler;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whole stack traces of failures crossing awaits read like synchronous ones (SPEC "Diagnostics a
 * person reads"): the throwing user frame first, then each awaiting {@code @Async} method at its
 * await line, innermost first, then the loop's entry ({@code Coro.run}) and the plain Java code
 * that called it; no generated frame, no loop machinery, no extra cause or suppressed exception.
 * Each test pins every element from the top down to the program's {@code caught} method (the
 * plain Java code that catches after {@code Coro.run}); what lies below is this test's own stack.
 * The order is the one of Python 3.11's tracebacks of {@code programs/traces_twin.py}, reversed
 * (Java lists the innermost frame first).
 */
class AsyncStackTraceTest {
    private static final String TYPE = "programs.Traces";
    private static ClassLoader loader;
    private static List<String> source;
    /** The Java element of {@code Coro.run} calling the loop, as a body's own Java stack shows it. */
    private static String coroRun;
    /**
     * The generated classes' line tables map to the user's lines: the throwing frame is then at
     * the throw itself, else at the line of its state (for a throw after an await, the await's).
     */
    private static boolean userLines;

    @BeforeAll
    static void compile() throws Exception {
        loader = CoroCompiler.compileCleanly("programs/Traces.java");
        try (InputStream in = AsyncStackTraceTest.class.getClassLoader().getResourceAsStream("programs/Traces.java")) {
            source = Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
        Object program = program();
        run(program, "recurse", 0);
        StackTraceElement[] java = (StackTraceElement[]) program.getClass().getField("javaStack").get(program);
        coroRun = Arrays.stream(java).filter(e -> e.getClassName().equals("io.jcoro.Coro")
                && e.getMethodName().equals("run")).findFirst().orElseThrow().toString();
        userLines = Arrays.stream(java).anyMatch(e -> e.getMethodName().startsWith("$resume")
                && "Traces.java".equals(e.getFileName()));
    }

    @Test
    void aThrowAfterASuspensionReadsTopDownThroughEachAwaitingMethod() throws Exception {
        Throwable failure = run(program(), "afterSuspension");
        assertInstanceOf(IllegalStateException.class, failure);
        assertPlain(failure);
        assertTrace(failure, throwing(), at("outer", "outer"), at("afterSuspension", "afterSuspension"));
    }

    /**
     * Once the generated classes' line tables name the user's file and lines (the class-file
     * rewrite for source-level debugging), the throwing frame is at the throw itself, not at the
     * await before it; until then this test is skipped, and the frame shows its state's line.
     */
    @Test
    void theThrowingFrameIsAtTheLineThatThrew() throws Exception {
        Assumptions.assumeTrue(userLines, "the generated classes' lines are not yet the user's");
        Throwable failure = run(program(), "afterSuspension");
        assertEquals(at("inner", "inner-throw"), failure.getStackTrace()[0].toString());
        assertEquals(at("wrapper", "wrapper-throw"), run(program(), "wrap").getStackTrace()[0].toString());
    }

    @Test
    void aCoroutineThatCatchesAndRethrowsAppearsOnceAtItsAwait() throws Exception {
        Object program = program();
        Throwable failure = run(program, "rethrow");
        assertPlain(failure);
        assertTrace(failure, throwing(), at("catcher", "catcher-await"), at("rethrow", "rethrow"));
        StackTraceElement[] seen = (StackTraceElement[]) program.getClass().getField("seenInCatch").get(program);
        assertEquals(expected(throwing(), at("catcher", "catcher-await")), userPart(seen),
                "in the catch: the thrower and the catching frame, then the loop's entry");
    }

    @Test
    void aNewExceptionThrownInACatchHasItsOwnChainFromItsThrow() throws Exception {
        Throwable failure = run(program(), "wrap");
        assertInstanceOf(IllegalArgumentException.class, failure);
        assertEquals(0, failure.getSuppressed().length);
        String thrownAt = userLines ? at("wrapper", "wrapper-throw") : at("wrapper", "wrapper-catch");
        assertTrace(failure, thrownAt, at("wrap", "wrap"));
        Throwable cause = failure.getCause();
        assertInstanceOf(IllegalStateException.class, cause);
        assertPlain(cause);
        assertTrace(cause, throwing(), at("wrapper", "wrapper-await"));
    }

    @Test
    void aChildTaskFailureJoinsTheAwaitingTasksChain() throws Exception {
        Throwable failure = run(program(), "viaTask");
        assertPlain(failure);
        assertTrace(failure, throwing(), at("outer", "outer"), at("viaTask", "viaTask"));
    }

    @Test
    void aFailureThroughGatherJoinsTheAwaitingChain() throws Exception {
        Throwable failure = run(program(), "viaGather");
        assertPlain(failure);
        assertTrace(failure, throwing(), at("outer", "outer"), at("viaGather", "viaGather"));
    }

    @Test
    void aTaskGroupsFailureAndItsMembersReadTopDown() throws Exception {
        Throwable failure = run(program(), "viaTaskGroup");
        ExceptionGroup group = assertInstanceOf(ExceptionGroup.class, failure);
        assertInstanceOf(CancelledError.class, group.getCause(), "the body's cancellation, as TaskGroup folds it");
        assertEquals(0, group.getSuppressed().length);
        StackTraceElement made = group.getStackTrace()[0];
        assertEquals("io.jcoro.TaskGroup$Exit.conclude(TaskGroup.java)",
                made.getClassName() + "." + made.getMethodName() + "(" + made.getFileName() + ")",
                "where the runtime made the group, then the body at the await its group interrupted");
        assertTrace(group, made.toString(), at("viaTaskGroup", "viaTaskGroup-sleep"));
        Throwable member = group.exceptions().get(0);
        assertPlain(member);
        assertTrace(member, throwing(), at("outer", "outer"));
    }

    @Test
    void aCancelledErrorShowsEachAwaitingFrameAtItsAwait() throws Exception {
        Throwable failure = run(program(), "cancelled");
        assertInstanceOf(CancelledError.class, failure);
        assertPlain(failure);
        assertEquals(List.of(at("sleeper", "sleeper"), at("sleeping", "sleeping"), at("cancelled", "cancelled")),
                Arrays.stream(failure.getStackTrace()).map(StackTraceElement::toString).toList(),
                "a cancellation records no Java stack: its trace is the chain, each at its await");
    }

    @Test
    void aThousandLevelsDeepRecursionReadsTopDown() throws Exception {
        int depth = 1_000;
        Throwable failure = run(program(), "recurse", depth);
        assertPlain(failure);
        List<String> chain = new ArrayList<>();
        chain.add(throwing());
        chain.add(at("recurse", "recurse-bottom"));
        for (int i = 0; i < depth; i++) {
            chain.add(at("recurse", "recurse"));
        }
        assertTrace(failure, chain.toArray(String[]::new));
    }

    /**
     * Python 3.11's tracebacks of the same scenarios in {@code programs/traces_twin.py} list the
     * user's frames in the same order (reversed: Python lists the outermost first). Java's also
     * name the plain Java caller below the loop, as every Java trace does, which Python's
     * tracebacks of a cause or a group member (cut where the exception was caught) do not.
     */
    @Test
    void theUsersFramesComeInTheOrderOfPythonsTracebacks() throws Exception {
        Map<String, String> python = pythonTwin();
        Map<String, String> java = new LinkedHashMap<>();
        for (String scenario : List.of("afterSuspension", "rethrow", "wrap", "viaTask", "viaGather", "viaTaskGroup")) {
            Throwable failure = run(program(), scenario);
            java.put(scenario, frameNames(failure));
            if (failure.getCause() != null && !(failure instanceof ExceptionGroup)) {
                java.put(scenario + "/cause", frameNames(failure.getCause()));
            }
            if (failure instanceof ExceptionGroup group) {
                for (int i = 0; i < group.exceptions().size(); i++) {
                    java.put(scenario + "/" + i, frameNames(group.exceptions().get(i)));
                }
            }
        }
        assertEquals(python, java);
    }

    /** Runs the asyncio twin: scenario (or scenario/cause, scenario/member) to frame names. */
    private static Map<String, String> pythonTwin() throws Exception {
        Path twin = Path.of(AsyncStackTraceTest.class.getClassLoader().getResource("programs/traces_twin.py").toURI());
        Process python;
        try {
            python = new ProcessBuilder("python3", twin.toString()).redirectErrorStream(true).start();
        } catch (IOException noPython) {
            Assumptions.abort("python3 is not installed");
            return Map.of();
        }
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(60, TimeUnit.SECONDS));
        Assumptions.assumeTrue(python.exitValue() == 0 && !out.contains("AttributeError"),
                () -> "python3 has asyncio.TaskGroup (3.11+): " + out);
        Map<String, String> frames = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int colon = line.indexOf(": ");
            frames.put(line.substring(0, colon), line.substring(colon + 2).replace(" caught", ""));
        }
        return frames;
    }

    /** The methods of the program's frames in {@code failure}'s trace, innermost first. */
    private static String frameNames(Throwable failure) {
        return Arrays.stream(failure.getStackTrace()).filter(e -> e.getClassName().equals(TYPE))
                .map(StackTraceElement::getMethodName).filter(m -> !m.equals("caught"))
                .collect(Collectors.joining(" "));
    }

    // ------------------------------------------------------------------ helpers

    private static Object program() throws Exception {
        return loader.loadClass("programs.TracesCoroutines").getConstructor().newInstance();
    }

    /** Runs the scenario {@code method(args)} through the program's plain-Java {@code caught}. */
    private static Throwable run(Object program, String method, Object... args) throws Exception {
        Class<?>[] types = Arrays.stream(args).map(a -> int.class).toArray(Class<?>[]::new);
        Method scenario = program.getClass().getMethod(method, types);
        Function<Object, Coroutine<?>> pick = p -> {
            try {
                return (Coroutine<?>) scenario.invoke(p, args);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        };
        Class<?> traces = loader.loadClass(TYPE);
        Throwable failure = (Throwable) traces.getMethod("caught", Function.class, traces).invoke(null, pick, program);
        assertTrue(failure != null, method + " failed");
        return failure;
    }

    /** The trace of {@code failure} is {@code chain}, then {@code Coro.run}, then {@code caught}. */
    private static void assertTrace(Throwable failure, String... chain) {
        assertEquals(expected(chain), userPart(failure.getStackTrace()), () -> "trace of " + failure);
    }

    private static List<String> expected(String... chain) {
        List<String> expected = new ArrayList<>(Arrays.asList(chain));
        expected.add(coroRun);
        expected.add(at("caught", "caught"));
        return expected;
    }

    /** The trace down to the program's {@code caught}; checks that only this test's frames follow. */
    private static List<String> userPart(StackTraceElement[] trace) {
        List<String> part = new ArrayList<>();
        int i = 0;
        while (i < trace.length && !trace[i].getMethodName().equals("caught")) {
            part.add(trace[i++].toString());
        }
        assertTrue(i < trace.length, () -> "reaches caught: " + part);
        part.add(trace[i].toString());
        for (int j = i + 1; j < trace.length; j++) {
            String type = trace[j].getClassName();
            assertTrue(!type.startsWith("programs.") && !type.equals("io.jcoro.Coro"), "below caught: " + trace[j]);
        }
        return part;
    }

    /** The elements of the program's own types, top down. */
    private static List<String> userFrames(Throwable failure) {
        return Arrays.stream(failure.getStackTrace()).filter(e -> e.getClassName().startsWith(TYPE + "."))
                .map(StackTraceElement::toString).filter(e -> !e.contains(".caught(")).toList();
    }

    /** No cause and no suppressed exception were added (SPEC). */
    private static void assertPlain(Throwable failure) {
        if (!(failure instanceof IllegalArgumentException)) {
            assertNull(failure.getCause(), "the chain is never a cause");
        }
        assertEquals(0, failure.getSuppressed().length, "nor suppressed exceptions");
        assertTrue(Arrays.stream(failure.getStackTrace()).noneMatch(e -> e.getMethodName().startsWith("$resume")
                        || e.getClassName().startsWith("io.jcoro.Task") || e.getClassName().equals("io.jcoro.Coroutine")),
                () -> "no generated frame, no loop machinery: " + Arrays.toString(failure.getStackTrace()));
    }

    private static String throwing() {
        return at("inner", userLines ? "inner-throw" : "inner-await");
    }

    private static String at(String method, String marker) {
        return TYPE + "." + method + "(Traces.java:" + line(marker) + ")";
    }

    private static int line(String marker) {
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).endsWith("// LINE " + marker)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(marker);
    }
}
