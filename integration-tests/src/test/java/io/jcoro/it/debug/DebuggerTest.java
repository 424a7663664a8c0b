package io.jcoro.it.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jdi.IntegerValue;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.StackFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Debugging an {@code @Async} body in the user's own file, through JDI as an IDE does it:
 * {@code demo.debugging.Tally}, compiled by Maven with the processor, runs under JDWP;
 * breakpoints are set by file name and line, steps are line steps over, the variables are read
 * from the stopped frame.
 */
class DebuggerTest {
    private static final String MAIN = "demo.debugging.Tally";
    private static final String FILE = "Tally.java";
    /** The frame classes: nested, by name, in the user's top-level class, where IDEs look for them. */
    private static final String FRAME_CLASSES = "demo.debugging.Tally$TallyCoroutines$$";
    private static final Map<String, Integer> LINES = new HashMap<>();

    /** The lines the program names with {@code // line:name} comments. */
    @BeforeAll
    static void readLineNames() throws IOException {
        Path source = Path.of(System.getProperty("jcoro.root"), "integration-tests/src/test/java/demo/debugging", FILE);
        List<String> text = Files.readAllLines(source);
        Pattern name = Pattern.compile("// line:(\\w+)");
        for (int i = 0; i < text.size(); i++) {
            Matcher m = name.matcher(text.get(i));
            if (m.find()) {
                LINES.put(m.group(1), i + 1);
            }
        }
    }

    private static int line(String name) {
        return LINES.get(name);
    }

    private static int field(StackFrame frame, String name) {
        ObjectReference self = frame.thisObject();
        return ((IntegerValue) self.getValue(self.referenceType().fieldByName(name))).value();
    }

    private static int local(StackFrame frame, String name) throws Exception {
        return ((IntegerValue) frame.getValue(frame.visibleVariableByName(name))).value();
    }

    private static void assertInTheUsersFile(DebugSession.Stop stop) {
        assertEquals(FILE, stop.sourceName());
        assertTrue(stop.location().declaringType().name().startsWith(FRAME_CLASSES), stop.location().toString());
    }

    @Test
    void breakpointsAtTheUsersLinesHitInOrder() throws Exception {
        List<Integer> hits = new ArrayList<>();
        String output;
        try (DebugSession session = DebugSession.launch(MAIN, FILE)) {
            session.breakAt(line("start"), line("await"), line("add"), line("inline"), line("twice"), line("lambda"),
                    line("done"));
            session.resume();
            for (DebugSession.Stop stop = session.next(); stop != null; stop = session.next()) {
                assertInTheUsersFile(stop);
                hits.add(stop.line());
                session.resume();
            }
            output = session.output();
        }
        assertEquals(List.of(line("start"), line("await"), line("add"), line("await"), line("add"), line("inline"),
                line("twice"), line("lambda"), line("done")), hits);
        assertTrue(output.contains("tally 6"), output);
        // the throwing frame reads as the user's method, at the line of the throw itself
        assertTrue(output.contains("at demo.debugging.Tally.failLater(Tally.java:" + line("throw") + ")"), output);
    }

    /**
     * IntelliJ IDEA and Eclipse find the classes of a line of Tally.java by name: the top-level
     * class {@code demo.debugging.Tally} and its nested types, loaded already
     * ({@code classesByName}, {@code nestedTypes()}) or later (a class-prepare filter
     * {@code demo.debugging.Tally$*}). The frame classes are among them.
     */
    @Test
    void breakpointsFoundByClassNameAsIdesFindThemHit() throws Exception {
        List<Integer> hits = new ArrayList<>();
        try (DebugSession session = DebugSession.launchFindingByName(MAIN, FILE, MAIN)) {
            // set before any class of the file is loaded: found as each frame class loads
            session.breakAt(line("start"), line("add"));
            session.resume();
            DebugSession.Stop stop = session.next();
            assertNotNull(stop, "the program ended without a stop: no class found by name has the lines");
            assertInTheUsersFile(stop);
            hits.add(stop.line());
            // set while the frame class is loaded: found among the nested types of the loaded Tally
            stop = session.runTo(line("lambda"));
            for (; stop != null; stop = session.next()) {
                assertInTheUsersFile(stop);
                hits.add(stop.line());
                session.resume();
            }
        }
        assertEquals(List.of(line("start"), line("add"), line("add"), line("lambda")), hits);
    }

    /** On disk, a renamed class's file replaces javac's: no stale class under the old name. */
    @Test
    void theFrameClassFilesOnDiskHaveOnlyTheirNewNames() throws IOException {
        Path classes = Path.of(System.getProperty("jcoro.root"), "integration-tests/target/test-classes/demo/debugging");
        List<String> files;
        try (var list = Files.list(classes)) {
            files = list.map(file -> file.getFileName().toString()).sorted().toList();
        }
        assertEquals(List.of("Tally$TallyCoroutines$$FailLater.class", "Tally$TallyCoroutines$$Tally.class",
                "Tally$TallyCoroutines$$Twice.class", "Tally.class", "TallyCoroutines.class"), files);
    }

    @Test
    void aResumedFramesStackAndVariablesAreTheUsers() throws Exception {
        try (DebugSession session = DebugSession.launch(MAIN, FILE)) {
            session.breakAt(line("add"), line("twice"), line("done"));
            session.resume();
            // resumed by the loop after 'await(sleep(1))': the user's variables are this frame's fields
            DebugSession.Stop first = session.next();
            StackFrame top = first.thread().frame(0);
            assertEquals(line("add"), top.location().lineNumber());
            assertEquals(List.of(0, 1, 2), List.of(field(top, "total"), field(top, "i"), field(top, "upTo")));
            session.resume();
            DebugSession.Stop second = session.next();
            top = second.thread().frame(0);
            assertEquals(List.of(1, 2), List.of(field(top, "total"), field(top, "i")));
            session.resume();
            // an awaited call that completes at once runs inside its caller's frame
            DebugSession.Stop twice = session.next();
            assertEquals(line("twice"), twice.line());
            List<String> userFrames = new ArrayList<>();
            for (StackFrame frame : twice.thread().frames()) {
                if (frame.location().sourceName().equals(FILE)) {
                    userFrames.add(frame.location().method().name() + ":" + frame.location().lineNumber());
                }
            }
            assertEquals(List.of("$resume:" + line("twice"), "$resume:" + line("inline")), userFrames.subList(0, 2));
            assertEquals(3, field(twice.thread().frame(0), "n"));
            session.resume();
            // a variable no await crosses stays a local variable, under its own name
            DebugSession.Stop done = session.next();
            assertEquals(line("done"), done.line());
            assertEquals(6, local(done.thread().frame(0), "doubled"));
        }
    }

    /** The lines a line step over shows, {@code steps} times from the first stop at line {@code from}. */
    private static List<Integer> stepOverFrom(String from, int steps) throws Exception {
        try (DebugSession session = DebugSession.launch(MAIN, FILE)) {
            DebugSession.Stop stop = session.runTo(line(from));
            List<Integer> lines = new ArrayList<>(List.of(stop.line()));
            for (int i = 0; i < steps; i++) {
                session.stepOver(stop.thread());
                stop = session.next();
                assertInTheUsersFile(stop);
                lines.add(stop.line());
            }
            return lines;
        }
    }

    @Test
    void stepOverMovesThroughTheUsersLines() throws Exception {
        assertEquals(List.of(line("start"), line("loop"), line("await")), stepOverFrom("start", 2));
    }

    @Test
    void theBackEdgeOfALoopWithAnAwaitPassesTheDeclarationLine() throws Exception {
        // the jump back to the loop's condition goes through the frame's dispatch
        assertEquals(List.of(line("add"), line("loop"), line("tally"), line("loop"), line("await")), stepOverFrom("add", 4));
    }

    @Test
    void stepOverAnAwaitThatCompletesAtOnceLandsOnTheNextLine() throws Exception {
        try (DebugSession session = DebugSession.launch(MAIN, FILE)) {
            DebugSession.Stop stop = session.runTo(line("inline"));
            session.stepOver(stop.thread());
            DebugSession.Stop next = session.next();
            assertInTheUsersFile(next);
            assertEquals(line("report"), next.line());
            assertEquals(6, local(next.thread().frame(0), "doubled"));
        }
    }

    @Test
    void afterStepOverASuspendingAwaitRunToTheNextLine() throws Exception {
        try (DebugSession session = DebugSession.launch(MAIN, FILE)) {
            DebugSession.Stop stop = session.runTo(line("await"));
            // the frame returns to the event loop until the sleep is over: the step ends there
            session.stepOver(stop.thread());
            DebugSession.Stop inTheLoop = session.next();
            assertNotEquals(FILE, inTheLoop.sourceName());
            assertTrue(inTheLoop.location().declaringType().name().startsWith("io.jcoro."), inTheLoop.location().toString());
            // "run to cursor" on the next line: the same iteration, resumed
            DebugSession.Stop resumed = session.runTo(line("add"));
            assertInTheUsersFile(resumed);
            assertEquals(line("add"), resumed.line());
            assertEquals(1, field(resumed.thread().frame(0), "i"));
            assertEquals(0, field(resumed.thread().frame(0), "total"));
        }
    }

    @Test
    void theGeneratedStratumLeadsToTheGeneratedFile() throws Exception {
        try (DebugSession session = DebugSession.launch(MAIN, FILE)) {
            com.sun.jdi.Location at = session.runTo(line("add")).location();
            assertEquals("Java", at.declaringType().defaultStratum());
            assertEquals(List.of("Java", "Generated"), at.declaringType().availableStrata());
            assertEquals("TallyCoroutines.java", at.sourceName("Generated"));
            assertEquals("demo/debugging/TallyCoroutines.java", at.sourcePath("Generated").replace('\\', '/'));
            Path generated = Path.of(System.getProperty("jcoro.root"),
                    "integration-tests/target/generated-test-sources/test-annotations", at.sourcePath("Generated"));
            assertEquals("total += i;", Files.readAllLines(generated).get(at.lineNumber("Generated") - 1).strip());
        }
    }

    @Test
    void theProgramEndsUnderTheDebugger() throws Exception {
        try (DebugSession session = DebugSession.launch(MAIN, FILE)) {
            session.resume();
            assertNull(session.next());
        }
    }
}
