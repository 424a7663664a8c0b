package io.jcoro.processor.attribute;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes the fields of javac's tree nodes that make up a tree's shape: its child trees
 * and lists of trees, and its flags and other primitive or enum values. Not its symbols, types or
 * other compiler objects: javac's round cleaner resets those itself.
 *
 * <p>jdk.compiler does not export its tree classes, so the fields are read and written through
 * {@link UnsafeAccess}. Where that is not possible, {@link #load} is empty.
 */
final class TreeFields {
    private static final String TREE_CLASS = "com.sun.tools.javac.tree.JCTree";
    private static final String LIST_CLASS = "com.sun.tools.javac.util.List";

    /** One field of a tree class: where it is in the object, and how to read and write it. */
    private record Slot(long offset, MethodHandle get, MethodHandle put) {}

    private final Class<?> treeClass;
    private final Class<?> listClass;
    private final UnsafeAccess unsafe;
    private final ClassValue<Slot[]> slots = new ClassValue<>() {
        @Override
        protected Slot[] computeValue(Class<?> type) {
            return slotsOf(type);
        }
    };

    private TreeFields(Class<?> treeClass, Class<?> listClass, UnsafeAccess unsafe) {
        this.treeClass = treeClass;
        this.listClass = listClass;
        this.unsafe = unsafe;
    }

    /** @param anyTree a tree of the running javac, whose class loader has its tree classes */
    static Optional<TreeFields> load(Object anyTree) {
        try {
            ClassLoader javac = anyTree.getClass().getClassLoader();
            Class<?> treeClass = Class.forName(TREE_CLASS, false, javac);
            Class<?> listClass = Class.forName(LIST_CLASS, false, javac);
            return UnsafeAccess.load().map(unsafe -> new TreeFields(treeClass, listClass, unsafe));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unavailable) {
            return Optional.empty();
        }
    }

    boolean isTree(Object value) {
        return treeClass.isInstance(value);
    }

    boolean isTreeList(Object value) {
        return listClass.isInstance(value);
    }

    /** The shape fields of {@code tree}, in a fixed order per class. */
    Object[] read(Object tree) {
        Slot[] fields = slots.get(tree.getClass());
        Object[] values = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            values[i] = invoke(fields[i].get(), tree, fields[i].offset(), null);
        }
        return values;
    }

    /** Writes back each shape field of {@code tree} that is no longer what {@link #read} gave. */
    void restore(Object tree, Object[] values) {
        Slot[] fields = slots.get(tree.getClass());
        for (int i = 0; i < fields.length; i++) {
            Object now = invoke(fields[i].get(), tree, fields[i].offset(), null);
            // references by identity (a list javac rebuilt may be equal), primitives by value
            boolean same = now == values[i] || (now != null && !isTree(now) && !isTreeList(now) && now.equals(values[i]));
            if (!same) {
                invoke(fields[i].put(), tree, fields[i].offset(), values[i]);
            }
        }
    }

    private Slot[] slotsOf(Class<?> type) {
        List<Slot> found = new ArrayList<>();
        for (Class<?> c = type; c != null && treeClass.isAssignableFrom(c); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && isShape(field.getType())) {
                    found.add(slot(field));
                }
            }
        }
        return found.toArray(Slot[]::new);
    }

    private boolean isShape(Class<?> type) {
        return type.isPrimitive() || type.isEnum() || treeClass.isAssignableFrom(type) || type == listClass;
    }

    private Slot slot(Field field) {
        Class<?> type = field.getType();
        String kind = type.isPrimitive()
                ? Character.toUpperCase(type.getName().charAt(0)) + type.getName().substring(1) : "Object";
        try {
            Class<?> valueType = type.isPrimitive() ? type : Object.class;
            MethodHandle get = unsafe.handle("get" + kind, Object.class, long.class);
            MethodHandle put = unsafe.handle("put" + kind, Object.class, long.class, valueType);
            long offset = unsafe.offset(field);
            return new Slot(offset, get, put);
        } catch (Throwable unavailable) {
            throw new IllegalStateException("cannot reach " + field, unavailable);
        }
    }

    private static Object invoke(MethodHandle handle, Object tree, long offset, Object value) {
        try {
            return handle.type().parameterCount() == 2 ? handle.invoke(tree, offset) : (Object) handle.invoke(tree, offset, value);
        } catch (Throwable unavailable) {
            throw new IllegalStateException("cannot reach a field of " + tree.getClass().getName(), unavailable);
        }
    }
}
