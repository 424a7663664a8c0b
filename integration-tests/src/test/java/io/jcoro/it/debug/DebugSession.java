package io.jcoro.it.debug;

import com.sun.jdi.AbsentInformationException;
import com.sun.jdi.Bootstrap;
import com.sun.jdi.Location;
import com.sun.jdi.ReferenceType;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.LaunchingConnector;
import com.sun.jdi.event.BreakpointEvent;
import com.sun.jdi.event.ClassPrepareEvent;
import com.sun.jdi.event.Event;
import com.sun.jdi.event.EventSet;
import com.sun.jdi.event.LocatableEvent;
import com.sun.jdi.event.StepEvent;
import com.sun.jdi.event.VMDeathEvent;
import com.sun.jdi.event.VMDisconnectEvent;
import com.sun.jdi.request.ClassPrepareRequest;
import com.sun.jdi.request.EventRequest;
import com.sun.jdi.request.StepRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A program run under JDWP and driven through JDI, the way an IDE's debugger drives it: line
 * breakpoints are set by source file name and line on each of the line's locations in the
 * classes of that file, those loaded already and those loaded later ({@link ClassPrepareRequest}).
 * The classes of the file are found in one of two ways: by their {@code SourceFile}
 * ({@link #launch}, as jdb and NetBeans do), or by name as IntelliJ IDEA and Eclipse do
 * ({@link #launchFindingByName}): the file's top-level class and its nested types, the classes
 * whose binary names start with the top-level class's and {@code $}.
 */
final class DebugSession implements AutoCloseable {
    /** How long the program may take to reach its next event. */
    private static final long EVENT_TIMEOUT_MILLIS = 30_000;

    private final VirtualMachine vm;
    private final String sourceName;
    /** The top-level class of the file when classes are found by name, else null. */
    private final String topLevel;
    private final List<Integer> breakpointLines = new ArrayList<>();
    private final Thread output;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private DebugSession(VirtualMachine vm, String sourceName, String topLevel) {
        this.vm = vm;
        this.sourceName = sourceName;
        this.topLevel = topLevel;
        this.output = new Thread(() -> copy(vm.process().getInputStream()), "debuggee-output");
        output.setDaemon(true);
        output.start();
        if (topLevel == null) {
            requestPrepare(prepare -> prepare.addSourceNameFilter(sourceName));
        } else {
            requestPrepare(prepare -> prepare.addClassFilter(topLevel));
            requestPrepare(prepare -> prepare.addClassFilter(topLevel + "$*"));
        }
    }

    private void requestPrepare(java.util.function.Consumer<ClassPrepareRequest> filter) {
        ClassPrepareRequest prepare = vm.eventRequestManager().createClassPrepareRequest();
        filter.accept(prepare);
        prepare.setSuspendPolicy(EventRequest.SUSPEND_ALL);
        prepare.enable();
    }

    /** Launches {@code mainClass} on this JVM's class path, stopped before its first instruction. */
    static DebugSession launch(String mainClass, String sourceName) throws Exception {
        return new DebugSession(launch(mainClass), sourceName, null);
    }

    /**
     * Launches {@code mainClass}, stopped before its first instruction, for breakpoints in the
     * file {@code sourceName} of the top-level class {@code topLevel}, whose classes are found by name.
     */
    static DebugSession launchFindingByName(String mainClass, String sourceName, String topLevel) throws Exception {
        return new DebugSession(launch(mainClass), sourceName, topLevel);
    }

    private static VirtualMachine launch(String mainClass) throws Exception {
        LaunchingConnector connector = Bootstrap.virtualMachineManager().defaultConnector();
        Map<String, Connector.Argument> arguments = connector.defaultArguments();
        arguments.get("main").setValue(mainClass);
        arguments.get("options").setValue("-cp \"" + System.getProperty("java.class.path") + "\"");
        arguments.get("home").setValue(System.getProperty("java.home"));
        return connector.launch(arguments);
    }

    /** Line breakpoints at {@code lines} of the source file, set as each class of the file loads. */
    void breakAt(Integer... lines) {
        breakpointLines.addAll(List.of(lines));
        if (topLevel == null) {
            for (ReferenceType type : vm.allClasses()) {
                if (sourceNameOf(type).equals(sourceName)) {
                    setBreakpoints(type);
                }
            }
        } else {
            Set<ReferenceType> named = new LinkedHashSet<>();
            vm.classesByName(topLevel).forEach(type -> addWithNested(type, named));
            named.forEach(this::setBreakpoints);
        }
    }

    private static void addWithNested(ReferenceType type, Set<ReferenceType> into) {
        if (into.add(type)) {
            type.nestedTypes().forEach(nested -> addWithNested(nested, into));
        }
    }

    private void setBreakpoints(ReferenceType type) {
        for (int line : breakpointLines) {
            try {
                for (Location location : type.locationsOfLine(line)) {
                    vm.eventRequestManager().createBreakpointRequest(location).enable();
                }
            } catch (AbsentInformationException noLines) {
                // a class of the file without line numbers: nothing to break at
            }
        }
    }

    /** Sets breakpoints at {@code lines} and runs to the next stop ("run to cursor" from a stop). */
    Stop runTo(Integer... lines) throws InterruptedException {
        breakAt(lines);
        resume();
        return next();
    }

    /** Starts the program, or lets it go on from where it stopped. */
    void resume() {
        vm.resume();
    }

    /**
     * Runs until the next breakpoint or step ends, and returns where; null once the program has
     * ended. Classes of the file that load on the way get the breakpoints.
     */
    Stop next() throws InterruptedException {
        while (true) {
            EventSet events = vm.eventQueue().remove(EVENT_TIMEOUT_MILLIS);
            if (events == null) {
                throw new AssertionError("no debugger event in " + EVENT_TIMEOUT_MILLIS + " ms");
            }
            for (Event event : events) {
                if (event instanceof VMDeathEvent || event instanceof VMDisconnectEvent) {
                    return null;
                }
                if (event instanceof ClassPrepareEvent prepared) {
                    setBreakpoints(prepared.referenceType());
                } else if (event instanceof BreakpointEvent || event instanceof StepEvent) {
                    if (event instanceof StepEvent) {
                        vm.eventRequestManager().deleteEventRequest(event.request());
                    }
                    return new Stop(((LocatableEvent) event).thread(), ((LocatableEvent) event).location());
                }
            }
            events.resume();
        }
    }

    /** Steps over the current line of {@code thread}, skipping the classes {@code excluded} names. */
    void stepOver(ThreadReference thread, String... excluded) {
        vm.eventRequestManager().deleteEventRequests(vm.eventRequestManager().stepRequests());
        StepRequest step = vm.eventRequestManager().createStepRequest(thread, StepRequest.STEP_LINE, StepRequest.STEP_OVER);
        for (String pattern : excluded) {
            step.addClassExclusionFilter(pattern);
        }
        step.addCountFilter(1);
        step.enable();
        vm.resume();
    }

    /** What the program printed, once it has ended. */
    String output() throws InterruptedException {
        output.join(EVENT_TIMEOUT_MILLIS);
        synchronized (printed) {
            return printed.toString();
        }
    }

    /** Where the program stopped. */
    record Stop(ThreadReference thread, Location location) {
        int line() {
            return location.lineNumber();
        }

        String sourceName() {
            return sourceNameOf(location.declaringType());
        }
    }

    private static String sourceNameOf(ReferenceType type) {
        try {
            return type.sourceName();
        } catch (AbsentInformationException none) {
            return "";
        }
    }

    private void copy(InputStream in) {
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                synchronized (printed) {
                    printed.write(buffer, 0, n);
                }
            }
        } catch (IOException ended) {
            // the program has exited
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            vm.exit(0);
        } catch (RuntimeException gone) {
            // already disconnected
        }
        if (!vm.process().waitFor(EVENT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
            vm.process().destroyForcibly();
        }
    }
}
