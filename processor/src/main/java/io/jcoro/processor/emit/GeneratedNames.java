package io.jcoro.processor.emit;

import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Every naming rule of generated code. User identifiers cannot contain {@code $} (the processor
 * rejects them wherever a body declares them), so every {@code $}-name below, and every
 * {@code $}-member of {@code io.jcoro.Coroutine} the frames call ({@code $await},
 * {@code $afterClose}, the static {@code $generator} reached through the frame's own name), is
 * free of clashes by construction. The names of types the generated code writes but did not
 * declare are spelled by {@link NameSpeller}.
 */
public final class GeneratedNames {
    /** The label of the frame's dispatch loop, the target of jumps out of nested statements. */
    static final String DISPATCH_LABEL = "$dispatch";

    /**
     * Methods a frame inherits from {@code io.jcoro.Coroutine} and {@code Object}: inside the frame a
     * call to a method of these names by simple name would bind to the frame, so such calls in the
     * user's body are qualified. A test keeps this list in step with the runtime.
     */
    static final Set<String> FRAME_METHOD_NAMES = Set.of(
            "state", "name", "close", "toString", "equals", "hashCode", "getClass",
            "notify", "notifyAll", "wait", "clone", "finalize");

    private GeneratedNames() {}

    /** {@code p.Outer.Inner} gives {@code Outer_InnerCoroutines}. */
    public static String generatedSimpleName(TypeElement type) {
        StringBuilder name = new StringBuilder(type.getSimpleName());
        for (Element e = type.getEnclosingElement(); e instanceof TypeElement outer; e = outer.getEnclosingElement()) {
            name.insert(0, outer.getSimpleName() + "_");
        }
        return name.append("Coroutines").toString();
    }

    /**
     * The binary name that the classes nested in the generated class of {@code type} are renamed
     * into once compiled (debug/FrameNames): the top-level class of {@code type}, {@code $}, the
     * generated class's simple name, where IDEs look for the classes of the user's file.
     * {@code p.Tally} gives {@code p.Tally$TallyCoroutines}, whose frame of {@code tally} is
     * {@code p.Tally$TallyCoroutines$$Tally}; {@code p.Outer.Inner} gives {@code p.Outer$Outer_InnerCoroutines}.
     */
    public static String frameNest(TypeElement type, Elements elements) {
        TypeElement top = type;
        for (Element e = type.getEnclosingElement(); e instanceof TypeElement outer; e = outer.getEnclosingElement()) {
            top = outer;
        }
        return elements.getBinaryName(top) + "$" + generatedSimpleName(type);
    }

    /** The frame class of a method: {@code fetchUser} gives {@code $FetchUser}; overloads get {@code $FetchUser$2}. */
    static String frameClassName(ExecutableElement method, int overloadIndex) {
        String simple = method.getSimpleName().toString();
        String base = "$" + Character.toUpperCase(simple.charAt(0)) + simple.substring(1);
        return overloadIndex == 0 ? base : base + "$" + (overloadIndex + 1);
    }

    /** The simple name of a compilation unit's file, as a class file's {@code SourceFile} names it: {@code Users.java}. */
    static String sourceFileName(com.sun.source.tree.CompilationUnitTree unit) {
        String path = unit.getSourceFile().getName().replace('\\', '/');
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
