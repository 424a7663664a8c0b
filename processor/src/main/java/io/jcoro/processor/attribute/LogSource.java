package io.jcoro.processor.attribute;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Keeps the file and line on the errors javac reports in the user's code while it attributes a
 * class for the processor, as javac alone reports them.
 *
 * <ul>
 *   <li>javac attributes a class for {@code Trees.getElement} without telling its log which file
 *       it is in, and javac 17 reports some of its checks of the class ("non-sealed modifier not
 *       allowed here") before it does: so the log's current file, its field
 *       {@code AbstractLog.source}, is set for the span of the attribution to the file's entry of
 *       {@code AbstractLog.sourceMap} (which javac filled when it parsed the file).
 *   <li>javac 25 simplifies a method resolution error ("incompatible types: ...") when it reports
 *       it, taking the file from the log at that moment; during annotation processing javac
 *       reports the errors after the round, when the log is in no file. So each such error javac
 *       deferred during the attribution has its simplification ({@code JCDiagnostic.rewriter})
 *       wrapped to run with the log in the error's own file.
 * </ul>
 *
 * <p>jdk.compiler does not export the log's package, so the fields are reached through
 * {@link UnsafeAccess}. Where one of them is missing, {@link #of} is empty, or the errors are left
 * as they are, and javac is left as it is.
 */
final class LogSource {
    private static final String PACKAGE = "com.sun.tools.javac.util.";

    private final UnsafeAccess unsafe;
    private final Object log;
    private final long source;
    private final long sourceMap;
    private final long handler;
    /** The offset of {@code JCDiagnostic.rewriter}; empty on javacs that simplify at once (17's). */
    private final Optional<Long> rewriter;

    private LogSource(UnsafeAccess unsafe, Object log, long source, long sourceMap, long handler, Optional<Long> rewriter) {
        this.unsafe = unsafe;
        this.log = log;
        this.source = source;
        this.sourceMap = sourceMap;
        this.handler = handler;
        this.rewriter = rewriter;
    }

    /** @param trees javac's {@code JavacTrees}, which holds the compilation's log */
    static Optional<LogSource> of(Object trees) {
        try {
            ClassLoader javac = trees.getClass().getClassLoader();
            Class<?> logClass = Class.forName(PACKAGE + "Log", false, javac);
            Class<?> abstractLog = Class.forName(PACKAGE + "AbstractLog", false, javac);
            Optional<UnsafeAccess> unsafe = UnsafeAccess.load();
            Field logField = fieldOfType(trees.getClass(), logClass);
            if (unsafe.isEmpty() || logField == null) {
                return Optional.empty();
            }
            UnsafeAccess u = unsafe.get();
            Object log = u.get(trees, u.offset(logField));
            Field diagnosticRewriter = fieldOfType(Class.forName(PACKAGE + "JCDiagnostic", false, javac), UnaryOperator.class);
            return !logClass.isInstance(log) ? Optional.empty() : Optional.of(new LogSource(u, log,
                    u.offset(abstractLog.getDeclaredField("source")), u.offset(abstractLog.getDeclaredField("sourceMap")),
                    u.offset(logClass.getDeclaredField("diagnosticHandler")),
                    Optional.ofNullable(diagnosticRewriter).map(u::offset)));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unavailable) {
            return Optional.empty();
        }
    }

    /** The first field of {@code type} (or its superclasses) of type {@code fieldType}, or null. */
    private static Field fieldOfType(Class<?> type, Class<?> fieldType) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getType() == fieldType) {
                    return field;
                }
            }
        }
        return null;
    }

    /**
     * Runs {@code attribution} with the log's current file set to {@code file} (if javac parsed
     * it), and sets the previous one back after it; then makes the errors it deferred meanwhile
     * simplify in their own files.
     */
    void whileIn(JavaFileObject file, Runnable attribution) {
        Collection<?> deferred = deferred();
        int before = deferred == null ? 0 : deferred.size();
        Object previous = unsafe.get(log, source);
        Object entry = sourceOf(file);
        if (entry != null) {
            unsafe.put(log, source, entry);
        }
        try {
            attribution.run();
        } finally {
            unsafe.put(log, source, previous);
            if (deferred != null && rewriter.isPresent()) {
                new ArrayList<>(deferred).stream().skip(before).forEach(this::simplifyInOwnFile);
            }
        }
    }

    private Object sourceOf(JavaFileObject file) {
        return file != null && unsafe.get(log, sourceMap) instanceof Map<?, ?> map ? map.get(file) : null;
    }

    /** The errors the log's handler keeps back until the round is over; null if it keeps none back. */
    private Collection<?> deferred() {
        Object current = unsafe.get(log, handler);
        for (Class<?> c = current == null ? null : current.getClass(); c != null; c = c.getSuperclass()) {
            try {
                return unsafe.get(current, unsafe.offset(c.getDeclaredField("deferred"))) instanceof Collection<?> list ? list : null;
            } catch (NoSuchFieldException notHere) {
                // its superclass's, if any
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private void simplifyInOwnFile(Object diagnostic) {
        long offset = rewriter.get();
        if (!(unsafe.get(diagnostic, offset) instanceof UnaryOperator<?> original) || original instanceof InOwnFile
                || !(diagnostic instanceof Diagnostic<?> d && d.getSource() instanceof JavaFileObject file)) {
            return;
        }
        Object own = sourceOf(file);
        if (own != null) {
            unsafe.put(diagnostic, offset, new InOwnFile((UnaryOperator<Object>) original, own));
        }
    }

    /** A simplification that runs with the log in the file of the error it simplifies. */
    private final class InOwnFile implements UnaryOperator<Object> {
        private final UnaryOperator<Object> original;
        private final Object file;

        InOwnFile(UnaryOperator<Object> original, Object file) {
            this.original = original;
            this.file = file;
        }

        @Override
        public Object apply(Object diagnostic) {
            Object previous = unsafe.get(log, source);
            unsafe.put(log, source, file);
            try {
                return original.apply(diagnostic);
            } finally {
                unsafe.put(log, source, previous);
            }
        }
    }
}
