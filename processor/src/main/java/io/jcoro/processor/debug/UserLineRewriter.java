package io.jcoro.processor.debug;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import io.jcoro.processor.diag.DiagnosticCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Makes a debugger see the user's file in the frame classes: once javac has written the class
 * file of a class of a generated {@code <Name>Coroutines} file, rewrites it so that its
 * {@code SourceFile} is the user's file and its {@code LineNumberTable}s hold the user's lines
 * ({@link ClassLineMapper}). A class with no line from the user's code (the generated class
 * itself) is left as javac wrote it. Reads and writes through the {@link Filer}, so that it
 * works whatever file manager javac was given. A failure is a warning; javac's file stays.
 */
public final class UserLineRewriter implements TaskListener {
    private final Map<String, SourceMap> generated = new ConcurrentHashMap<>();
    private final Filer filer;
    private final Elements elements;
    private final Messager messager;

    private UserLineRewriter(Filer filer, Elements elements, Messager messager) {
        this.filer = filer;
        this.elements = elements;
        this.messager = messager;
    }

    /**
     * A rewriter listening to the compilation of {@code env}, or null where the compiler has no
     * {@link JavacTask} (then the class files keep the generated file's lines).
     */
    public static UserLineRewriter install(ProcessingEnvironment env) {
        try {
            UserLineRewriter rewriter = new UserLineRewriter(env.getFiler(), env.getElementUtils(), env.getMessager());
            JavacTask.instance(env).addTaskListener(rewriter);
            return rewriter;
        } catch (RuntimeException | LinkageError notJavac) {
            return null;
        }
    }

    /** Rewrites the classes of the generated type {@code qualifiedName} once javac writes them. */
    public void register(String qualifiedName, SourceMap lines) {
        generated.put(qualifiedName, lines);
    }

    @Override
    public void finished(TaskEvent event) {
        if (event.getKind() != TaskEvent.Kind.GENERATE || event.getTypeElement() == null) {
            return;
        }
        TypeElement type = event.getTypeElement();
        SourceMap lines = generated.get(outermost(type).getQualifiedName().toString());
        if (lines == null) {
            return;
        }
        String binaryName = elements.getBinaryName(type).toString();
        try {
            rewrite(binaryName, lines);
        } catch (IOException | RuntimeException failed) {
            messager.printMessage(DiagnosticCode.LINES_NOT_REWRITTEN.kind(),
                    DiagnosticCode.LINES_NOT_REWRITTEN.format(binaryName, failed), type);
        }
    }

    private void rewrite(String binaryName, SourceMap lines) throws IOException {
        int dot = binaryName.lastIndexOf('.');
        String packageName = dot < 0 ? "" : binaryName.substring(0, dot);
        String fileName = binaryName.substring(dot + 1) + ".class";
        byte[] original;
        try (InputStream in = filer.getResource(StandardLocation.CLASS_OUTPUT, packageName, fileName).openInputStream()) {
            original = readAll(in);
        }
        byte[] rewritten = ClassLineMapper.map(original, lines);
        if (rewritten != original) {
            // the Filer reads a resource read-only: the same file is written through a new handle
            FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, packageName, fileName);
            try (OutputStream out = file.openOutputStream()) {
                out.write(rewritten);
            }
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toByteArray();
    }

    private static TypeElement outermost(TypeElement type) {
        TypeElement outer = type;
        for (Element e = type.getEnclosingElement(); !(e instanceof PackageElement); e = e.getEnclosingElement()) {
            if (e instanceof TypeElement enclosing) {
                outer = enclosing;
            }
        }
        return outer;
    }
}
