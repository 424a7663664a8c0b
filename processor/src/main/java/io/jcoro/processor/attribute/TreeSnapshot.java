package io.jcoro.processor.attribute;

import com.sun.source.tree.CompilationUnitTree;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The shape of every tree of some source files as it was before the processor had javac attribute
 * them, written back once the round's work with the trees is done.
 *
 * <p>Attributing completes the trees in place, and javac compiles the same trees again in the next
 * round: its round cleaner resets the symbols and types attribution attached, and takes back the
 * few trees that entering a class adds (default constructors, an enum constructor's
 * {@code super()}), but not what attribution added. Left in place, those additions make javac
 * reject the user's valid file or compile it differently:
 * <ul>
 * <li>the {@code super()} call added to every constructor without a constructor call: in a record's
 *     canonical or compact constructor, "canonical constructor must not contain explicit
 *     constructor invocation";
 * <li>the type tree written into each {@code var} and implicit lambda parameter: a type without a
 *     name (a captured wildcard, an anonymous class) cannot be resolved again, one with a name may
 *     resolve to another type where the user's names obscure it;
 * <li>the constructors added to local and anonymous classes, an anonymous class's
 *     {@code extends}/{@code implements} clause, the parameters and bodies javac rewrites while it
 *     recovers from an error;
 * <li>flags it raises on declarations (type annotations of a field's initialiser queued once).
 * </ul>
 * Rather than undo each such edit, every field of every node that makes up the tree's shape
 * ({@link TreeFields}) is recorded before attribution and written back where it changed, whatever
 * javac version made the change. Nodes are walked with a work list, not recursion: a file's
 * trees can be deeper than the thread's stack allows a recursive walk.
 */
final class TreeSnapshot {
    private final TreeFields fields;
    private final Map<Object, Object[]> saved = new IdentityHashMap<>();
    private final java.util.Set<CompilationUnitTree> units = new java.util.LinkedHashSet<>();

    private TreeSnapshot(TreeFields fields) {
        this.fields = fields;
    }

    /** A snapshot that can write trees back, or empty if javac's fields are out of reach. */
    static Optional<TreeSnapshot> of(CompilationUnitTree anyUnit) {
        return TreeFields.load(anyUnit).map(TreeSnapshot::new);
    }

    /** Records the shape of {@code unit}'s trees, unless already recorded. */
    void record(CompilationUnitTree unit) {
        if (!units.add(unit)) {
            return;
        }
        ArrayDeque<Object> pending = new ArrayDeque<>();
        pending.push(unit);
        while (!pending.isEmpty()) {
            Object tree = pending.pop();
            if (saved.containsKey(tree)) {
                continue;
            }
            Object[] values = fields.read(tree);
            saved.put(tree, values);
            for (Object value : values) {
                if (fields.isTree(value)) {
                    pending.push(value);
                } else if (fields.isTreeList(value)) {
                    for (Object element : (Iterable<?>) value) {
                        if (fields.isTree(element)) {
                            pending.push(element);
                        }
                    }
                }
            }
        }
    }

    /** Whether {@code unit}'s trees are recorded. */
    boolean recorded(CompilationUnitTree unit) {
        return units.contains(unit);
    }

    /** Writes back every recorded node's shape, and forgets it. */
    void restore() {
        saved.forEach(fields::restore);
        saved.clear();
        units.clear();
    }
}
