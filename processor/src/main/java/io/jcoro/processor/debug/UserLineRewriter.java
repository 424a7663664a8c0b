package io.jcoro.processor.debug;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import io.jcoro.processor.diag.DiagnosticCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * ({@link ClassLineMapper}), and renames every class nested in the generated class into the
 * user's top-level class ({@link FrameNames}), where IDEs look for the classes of a line of the
 * user's file. The generated class keeps its name and javac's lines (it has none of the user's).
 * Reads and writes through the {@link Filer}, so that it works whatever file manager javac was
 * given; javac's file of a renamed class is deleted where it is a file (an in-memory file
 * manager keeps it, unused). A failure is a warning; javac's file stays.
 */
public final class UserLineRewriter implements TaskListener {
    private final Map<String, Registered> generated = new ConcurrentHashMap<>();
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

    /**
     * Rewrites the classes of the generated type {@code names.generatedClass()} (top-level: its
     * binary name is its qualified name), generated for {@code userType} (the originating element
     * of the files written), once javac writes them.
     */
    public void register(FrameNames names, SourceMap lines, TypeElement userType) {
        generated.put(names.generatedClass(), new Registered(lines, names, userType));
    }

    /** What a generated type's classes become: their lines, their names and what they come from. */
    private record Registered(SourceMap lines, FrameNames names, TypeElement userType) {}

    @Override
    public void finished(TaskEvent event) {
        if (event.getKind() != TaskEvent.Kind.GENERATE || event.getTypeElement() == null) {
            return;
        }
        TypeElement type = event.getTypeElement();
        Registered registered = generated.get(outermost(type).getQualifiedName().toString());
        if (registered == null) {
            return;
        }
        String binaryName = elements.getBinaryName(type).toString();
        try {
            rewrite(binaryName, registered);
        } catch (IOException | RuntimeException failed) {
            messager.printMessage(DiagnosticCode.LINES_NOT_REWRITTEN.kind(),
                    DiagnosticCode.LINES_NOT_REWRITTEN.format(binaryName, failed), type);
        }
    }

    private void rewrite(String binaryName, Registered registered) throws IOException {
        int dot = binaryName.lastIndexOf('.');
        String packageName = dot < 0 ? "" : binaryName.substring(0, dot);
        String fileName = binaryName.substring(dot + 1) + ".class";
        FileObject javacFile = filer.getResource(StandardLocation.CLASS_OUTPUT, packageName, fileName);
        byte[] original;
        try (InputStream in = javacFile.openInputStream()) {
            original = readAll(in);
        }
        FrameNames names = registered.names();
        byte[] renamed = ClassFileRenamer.rename(original, names.fromPrefix(), names.toPrefix());
        byte[] rewritten = ClassLineMapper.map(renamed, registered.lines());
        String newName = names.rename(binaryName);
        if (rewritten == original) {
            return;
        }
        // the Filer reads a resource read-only: even the same file is written through a new handle
        FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, packageName,
                newName.substring(dot + 1) + ".class", registered.userType());
        try (OutputStream out = file.openOutputStream()) {
            out.write(rewritten);
        }
        if (!newName.equals(binaryName) && "file".equals(javacFile.toUri().getScheme())) {
            Files.deleteIfExists(Path.of(javacFile.toUri()));
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
