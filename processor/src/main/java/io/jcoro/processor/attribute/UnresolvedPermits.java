package io.jcoro.processor.attribute;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
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
 * entries are left out of the permitted subclasses of every sealed type attributed with it (the
 * class, its enclosing and member types, their supertypes), so that javac checks what later
 * javacs check, and put back once it is attributed (the processor's own validation reads them).
 * The next round enters the classes again and resolves the clause, against the generated class.
 *
 * <p>javac 17's {@code ClassSymbol.permitted} is a public field holding javac's own linked list,
 * in a package not exported to processors, so the list is replaced through
 * {@code sun.misc.Unsafe}. A javac without that field (JDK 25's) needs nothing, and gets nothing.
 */
final class UnresolvedPermits {
    private Optional<Links> links;

    /**
     * Runs {@code attribution} with the unresolved permitted subclasses of the sealed types
     * attributed with {@code type} hidden, and puts them back after it: a type validated later in
     * the round (a sealed superclass of {@code type} with coroutines of its own) must still show
     * its whole clause.
     */
    void whileHidden(TypeElement type, Runnable attribution) {
        Element outermost = type;
        while (outermost.getEnclosingElement() instanceof TypeElement outer) {
            outermost = outer;
        }
        Set<TypeElement> sealed = new LinkedHashSet<>();
        collect((TypeElement) outermost, new HashSet<>(), sealed);
        List<Runnable> restore = new ArrayList<>();
        if (!sealed.isEmpty()) {
            if (links == null) {
                links = Links.of(outermost.getClass());
            }
            links.ifPresent(l -> sealed.forEach(symbol -> l.unlinkUnresolved(symbol).ifPresent(restore::add)));
        }
        try {
            attribution.run();
        } finally {
            restore.forEach(Runnable::run);
        }
    }

    /** The sealed types with an unresolved permitted subclass among {@code type}, its members and supertypes. */
    private void collect(TypeElement type, Set<Element> seen, Set<TypeElement> sealed) {
        if (!seen.add(type)) {
            return;
        }
        if (type.getModifiers().contains(Modifier.SEALED)
                && type.getPermittedSubclasses().stream().anyMatch(t -> t.getKind() == TypeKind.ERROR)) {
            sealed.add(type);
        }
        for (Element member : type.getEnclosedElements()) {
            if (member instanceof TypeElement nested) {
                collect(nested, seen, sealed);
            }
        }
        List<TypeMirror> supertypes = new ArrayList<>(type.getInterfaces());
        supertypes.add(type.getSuperclass());
        for (TypeMirror supertype : supertypes) {
            if (supertype.getKind() == TypeKind.DECLARED) {
                collect((TypeElement) ((DeclaredType) supertype).asElement(), seen, sealed);
            }
        }
    }

    /** javac 17's {@code ClassSymbol.permitted} list, and how to make one of its own kind. */
    private record Links(UnsafeAccess unsafe, Class<?> list, long permitted, long head, long tail) {
        static Optional<Links> of(Class<?> classSymbol) {
            try {
                Field permitted = classSymbol.getField("permitted");
                Class<?> list = permitted.getType();
                Optional<UnsafeAccess> unsafe = UnsafeAccess.load();
                if (!list.getName().equals("com.sun.tools.javac.util.List") || unsafe.isEmpty()) {
                    return Optional.empty();
                }
                UnsafeAccess u = unsafe.get();
                return Optional.of(new Links(u, list, u.offset(permitted), u.offset(list.getField("head")), u.offset(list.getField("tail"))));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError unavailable) {
                return Optional.empty();
            }
        }

        /**
         * Sets {@code symbol.permitted} to a new list of its resolved entries, ending in the
         * original's empty node (the node without a tail); the original list is left as it was.
         *
         * @return what sets the original back; empty if javac's list could not be read or made
         */
        Optional<Runnable> unlinkUnresolved(TypeElement symbol) {
            try {
                Object original = unsafe.get(symbol, permitted);
                List<Object> resolved = new ArrayList<>();
                Object node = original;
                for (; unsafe.get(node, tail) != null; node = unsafe.get(node, tail)) {
                    Object entry = unsafe.get(node, head);
                    if (((Element) entry).asType().getKind() != TypeKind.ERROR) {
                        resolved.add(entry);
                    }
                }
                for (int i = resolved.size() - 1; i >= 0; i--) {
                    Object cons = unsafe.allocate(list);
                    unsafe.put(cons, head, resolved.get(i));
                    unsafe.put(cons, tail, node);
                    node = cons;
                }
                unsafe.put(symbol, permitted, node);
                return Optional.of(() -> unsafe.put(symbol, permitted, original));
            } catch (RuntimeException unavailable) {
                return Optional.empty(); // left as javac made it, which then reports the errors described above
            }
        }
    }
}
