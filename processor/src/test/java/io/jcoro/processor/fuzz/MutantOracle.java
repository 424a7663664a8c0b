package io.jcoro.processor.fuzz;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import io.jcoro.processor.CoroutineProcessor;
import io.jcoro.processor.fuzz.MutationCorpus.SourceFile;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Compiles a program twice, with plain javac ({@code -proc:none}) and with the jcoro processor, and
 * says what is wrong with the second, if anything:
 * <ul>
 * <li>{@link Kind#CRASH}: an exception escaped javac with the processor, not without it;
 * <li>{@link Kind#INTERNAL_ERROR}: the processor reported JCORO-E023;
 * <li>{@link Kind#GENERATED_FILE_ERROR}: javac reported an error inside a generated {@code *Coroutines.java};
 * <li>{@link Kind#VALID_CODE_REJECTED}: a javac (not jcoro) error in a program plain javac accepts;
 * <li>{@link Kind#NEW_ERROR}: a javac error in a user file that plain javac does not report;
 * <li>{@link Kind#ERROR_LOST}: plain javac reports errors and the processor's compilation none;
 * <li>{@link Kind#SLOW}: the processor's compilation took more than {@value #SLOW_RATIO} times the
 *     CPU time of plain javac, and more than {@value #SLOW_FLOOR_MS} ms more (measured twice: the
 *     smaller times count, so a pause of the machine does not make a finding).
 * </ul>
 * A program that names a generated class cannot be compiled without the processor: if plain javac
 * reports a missing {@code *Coroutines} symbol, the comparisons with it are skipped.
 */
final class MutantOracle {
    /**
     * Generous: a 145-term {@code +} chain of awaits in the CI run takes 6.6 times plain javac's CPU
     * time today (the long-chain finding), and must not fail CI on a slower machine.
     */
    static final int SLOW_RATIO = 10;
    static final long SLOW_FLOOR_MS = 3000;

    enum Kind { CRASH, INTERNAL_ERROR, GENERATED_FILE_ERROR, VALID_CODE_REJECTED, NEW_ERROR, ERROR_LOST, SLOW }

    /** A finding; {@code signature} groups findings of one cause (kind and the first line that says what). */
    record Finding(Kind kind, String signature, String detail) {}

    /** What became of a program: its finding (or null) and facts for the campaign's statistics. */
    record Verdict(Finding finding, boolean plainErrors, boolean jcoroErrors, long plainMillis, long processorMillis) {}

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final String release;

    /** @param release the {@code --release} both compilations use */
    MutantOracle(String release) {
        this.release = release;
    }

    Verdict check(List<SourceFile> files) {
        Run plain = compile(files, false);
        Run processed = compile(files, true);
        Finding finding = judge(plain, processed);
        if (finding == null && slow(plain, processed)) {
            // measure again: the machine may have paused; the smaller times count
            Run plain2 = compile(files, false);
            Run processed2 = compile(files, true);
            long p = Math.min(plain.cpuMillis, plain2.cpuMillis);
            long q = Math.min(processed.cpuMillis, processed2.cpuMillis);
            if (q > SLOW_RATIO * p && q - p > SLOW_FLOOR_MS) {
                finding = new Finding(Kind.SLOW, "SLOW: compile time",
                        String.format(Locale.ROOT, "CPU time with the processor %d ms, plain javac %d ms (%.1fx)", q, p,
                                q / (double) Math.max(1, p)));
            }
        }
        boolean jcoro = processed.compilation != null && processed.compilation.diagnostics().stream()
                .anyMatch(d -> d.getKind() == Diagnostic.Kind.ERROR && message(d).contains("JCORO-"));
        return new Verdict(finding, !plain.errors.isEmpty() || plain.thrown != null, jcoro, plain.cpuMillis,
                processed.cpuMillis);
    }

    private static boolean slow(Run plain, Run processed) {
        return processed.cpuMillis > SLOW_RATIO * plain.cpuMillis && processed.cpuMillis - plain.cpuMillis > SLOW_FLOOR_MS;
    }

    private static Finding judge(Run plain, Run processed) {
        if (processed.thrown != null) {
            if (plain.thrown != null) {
                return null; // javac's own crash: nothing the processor did
            }
            return new Finding(Kind.CRASH, "CRASH: " + firstLines(trace(processed.thrown)), trace(processed.thrown));
        }
        List<String> generated = new ArrayList<>();
        List<String> user = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : processed.compilation.diagnostics()) {
            String message = message(d);
            if (message.contains("JCORO-E023")) {
                String trace = message.substring(message.indexOf(": ", message.indexOf("while processing ")) + 2);
                return new Finding(Kind.INTERNAL_ERROR, "E023: " + firstLines(trace), describe(d) + "\n" + trace);
            }
            if (d.getKind() != Diagnostic.Kind.ERROR || message.contains("[JCORO-")) {
                continue;
            }
            (isGenerated(d, processed.inputs) ? generated : user).add(describe(d));
        }
        if (!generated.isEmpty()) {
            return new Finding(Kind.GENERATED_FILE_ERROR, "GENERATED: " + normalize(generated.get(0)), String.join("\n", generated));
        }
        if (plain.thrown != null || plain.namesGeneratedCode) {
            return null;
        }
        if (plain.errors.isEmpty() && !user.isEmpty()) {
            return new Finding(Kind.VALID_CODE_REJECTED, "REJECTED: " + normalize(user.get(0)), String.join("\n", user));
        }
        for (String error : user) {
            if (!plain.errors.contains(error)) {
                return new Finding(Kind.NEW_ERROR, "NEW ERROR: " + normalize(error),
                        error + "\nplain javac's errors:\n" + String.join("\n", plain.errors));
            }
        }
        if (!plain.errors.isEmpty() && processed.compilation.status() == Compilation.Status.SUCCESS) {
            return new Finding(Kind.ERROR_LOST, "LOST: " + normalize(plain.errors.iterator().next()),
                    "plain javac's errors:\n" + String.join("\n", plain.errors));
        }
        return null;
    }

    /** One compilation: its diagnostics, or what escaped javac; its user errors; its CPU time. */
    private static final class Run {
        final List<JavaFileObject> inputs;
        Compilation compilation;
        Throwable thrown;
        final Set<String> errors = new LinkedHashSet<>();
        boolean namesGeneratedCode;
        long cpuMillis;

        Run(List<JavaFileObject> inputs) {
            this.inputs = inputs;
        }
    }

    private Run compile(List<SourceFile> files, boolean withProcessor) {
        List<JavaFileObject> inputs = files.stream()
                .map(f -> JavaFileObjects.forSourceString(f.typeName(), f.text())).toList();
        Run run = new Run(inputs);
        Compiler javac = Compiler.javac().withOptions(withProcessor ? List.of("--release", release)
                : List.of("--release", release, "-proc:none"));
        if (withProcessor) {
            javac = javac.withProcessors(new CoroutineProcessor());
        }
        long start = CPU.getCurrentThreadCpuTime();
        try {
            run.compilation = javac.compile(inputs);
        } catch (Throwable crash) { // javac's own assertion errors and stack overflows, too
            run.thrown = crash;
        }
        run.cpuMillis = (CPU.getCurrentThreadCpuTime() - start) / 1_000_000;
        if (run.compilation != null) {
            for (Diagnostic<? extends JavaFileObject> d : run.compilation.errors()) {
                run.errors.add(describe(d));
                run.namesGeneratedCode |= !withProcessor && message(d).contains("Coroutines");
            }
        }
        return run;
    }

    /** A diagnostic in a file the compilation was not given: one the processor generated. */
    private static boolean isGenerated(Diagnostic<? extends JavaFileObject> d, List<JavaFileObject> inputs) {
        return d.getSource() != null && inputs.stream().noneMatch(in -> in.toUri().equals(d.getSource().toUri()));
    }

    /**
     * The diagnostic's message, or its key where javac cannot format it any more: javac formats
     * lazily, and a type the message names may need completing by a compiler that has ended.
     */
    private static String message(Diagnostic<?> d) {
        try {
            return d.getMessage(Locale.ROOT);
        } catch (RuntimeException formattedAfterTheCompilerClosed) {
            return d.getCode();
        }
    }

    /**
     * {@code File.java:12: message} (the message's first line; javac's numbers of captured types,
     * which differ from one compilation to the next, as {@code capture#N}).
     */
    private static String describe(Diagnostic<? extends JavaFileObject> d) {
        String file = d.getSource() == null ? "-" : d.getSource().getName();
        return file.substring(file.lastIndexOf('/') + 1) + ":" + d.getLineNumber() + ": "
                + message(d).lines().findFirst().orElse("").replaceAll("capture#\\d+", "capture#N");
    }

    /** A message without its file, line and numbers, and cut short: findings of one cause get one signature. */
    private static String normalize(String described) {
        String message = described.substring(described.indexOf(": ") + 2).replaceAll("\\d+", "N")
                .replaceAll("mut\\w*", "mut").replaceAll("Mut\\w*", "Mut");
        return message.length() > 120 ? message.substring(0, 120) : message;
    }

    /** The exception's first line and the first stack frame in jcoro's code (else the first one). */
    private static String firstLines(String trace) {
        List<String> lines = trace.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        String head = lines.isEmpty() ? "" : lines.get(0);
        head = head.replaceAll("\\d+", "N").replaceAll("mut\\w*", "mut").replaceAll("Mut\\w*", "Mut");
        List<String> frames = lines.stream().filter(l -> l.startsWith("at ")).toList();
        String frame = frames.stream().filter(l -> l.startsWith("at io.jcoro.")).findFirst()
                .orElse(frames.isEmpty() ? "" : frames.get(0));
        return (head.length() > 120 ? head.substring(0, 120) : head) + " " + frame.replaceAll(":\\d+\\)", ")");
    }

    private static String trace(Throwable t) {
        java.io.StringWriter out = new java.io.StringWriter();
        t.printStackTrace(new java.io.PrintWriter(out));
        return out.toString();
    }
}
