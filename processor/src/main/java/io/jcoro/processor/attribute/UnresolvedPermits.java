package io.jcoro.processor.attribute;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Keeps javac 17 from failing a sealed class whose {@code permits} clause names a class not
 * generated yet, such as its own generated class ({@code sealed interface Shape permits Circle,
 * ShapeCoroutines}). Attributing that class in a round where the name is still unresolved, javac
 * 17 checks the unresolved name as a permitted subclass and reports errors that no later round
 * takes back ("class in unnamed module cannot extend a sealed class in a different package",
 * "invalid permits clause"); later javacs skip a permitted subclass that is erroneous ("the type
 * already caused errors"). So, before the processor has javac attribute a class, the unresolved
 * entries are unlinked from the permitted subclasses of every sealed type attributed with it
 * (the class, its enclosing and member types, their supertypes): javac then checks what later
 * javacs check. Those symbols live for one round; the next round enters the classes again and
 * resolves the clause, against the generated class.
 *
 * <p>javac 17's {@code ClassSymbol.permitted} is a public field holding javac's own linked list,
 * in a package not exported to processors, so the list is relinked through
 * {@code sun.misc.Unsafe}. A javac without that field (JDK 25's) needs nothing, and gets nothing.
 */
final class UnresolvedPermits {
    private Optional<Links> links;
    private final Set<Element> seen = new HashSet<>();

    /** Unlinks the unresolved permitted subclasses of the sealed types attributed with {@code type}. */
    void hide(TypeElement type) {
        Element outermost = type;
        while (outermost.getEnclosingElement() instanceof TypeElement outer) {
            outermost = outer;
        }
        visit((TypeElement) outermost);
    }

    private void visit(TypeElement type) {
        if (!seen.add(type)) {
            return;
        }
        if (type.getModifiers().contains(Modifier.SEALED)
                && type.getPermittedSubclasses().stream().anyMatch(t -> t.getKind() == TypeKind.ERROR)) {
            if (links == null) {
                links = Links.of(type.getClass());
            }
            links.ifPresent(l -> l.unlinkUnresolved(type));
        }
        for (Element member : type.getEnclosedElements()) {
            if (member instanceof TypeElement nested) {
                visit(nested);
            }
        }
        visitSupertype(type.getSuperclass());
        type.getInterfaces().forEach(this::visitSupertype);
    }

    private void visitSupertype(TypeMirror supertype) {
        if (supertype.getKind() == TypeKind.DECLARED) {
            visit((TypeElement) ((DeclaredType) supertype).asElement());
        }
    }

    /** javac 17's {@code ClassSymbol.permitted} list and its {@code head}/{@code tail} links. */
    private record Links(Object unsafe, Method get, Method put, long permitted, long head, long tail) {
        static Optional<Links> of(Class<?> classSymbol) {
            try {
                Field permitted = classSymbol.getField("permitted");
                Class<?> list = permitted.getType();
                if (!list.getName().equals("com.sun.tools.javac.util.List")) {
                    return Optional.empty();
                }
                Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
                Field instance = unsafeClass.getDeclaredField("theUnsafe");
                instance.setAccessible(true);
                Object unsafe = instance.get(null);
                Method offset = unsafeClass.getMethod("objectFieldOffset", Field.class);
                return Optional.of(new Links(unsafe, unsafeClass.getMethod("getObject", Object.class, long.class),
                        unsafeClass.getMethod("putObject", Object.class, long.class, Object.class),
                        (long) offset.invoke(unsafe, permitted), (long) offset.invoke(unsafe, list.getField("head")),
                        (long) offset.invoke(unsafe, list.getField("tail"))));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError unavailable) {
                return Optional.empty();
            }
        }

        /** Relinks {@code symbol.permitted} without its erroneous entries (the list ends in a node without tail). */
        void unlinkUnresolved(TypeElement symbol) {
            try {
                Object first = get.invoke(unsafe, symbol, permitted);
                Object kept = null;
                for (Object node = first; get.invoke(unsafe, node, tail) != null; node = get.invoke(unsafe, node, tail)) {
                    if (((Element) get.invoke(unsafe, node, head)).asType().getKind() != TypeKind.ERROR) {
                        kept = node;
                    } else if (kept == null) {
                        first = get.invoke(unsafe, node, tail);
                    } else {
                        put.invoke(unsafe, kept, tail, get.invoke(unsafe, node, tail));
                    }
                }
                put.invoke(unsafe, symbol, permitted, first);
            } catch (ReflectiveOperationException | RuntimeException unavailable) {
                // left as javac made it, which then reports the errors described above
            }
        }
    }
}
