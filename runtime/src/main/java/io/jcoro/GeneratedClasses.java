package io.jcoro;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@link Coro#create}: finds the class the processor generated for a type and calls the
 * constructor that accepts the arguments, choosing as Java's overload resolution would.
 */
final class GeneratedClasses {
    private static final Map<Class<?>, Class<?>> BOXES = Map.of(
            boolean.class, Boolean.class, byte.class, Byte.class, short.class, Short.class,
            char.class, Character.class, int.class, Integer.class, long.class, Long.class,
            float.class, Float.class, double.class, Double.class);

    private GeneratedClasses() {}

    /** {@code p.Outer.Inner} gives {@code p.Outer_InnerCoroutines}. */
    static String generatedName(Class<?> type) {
        StringBuilder simple = new StringBuilder(type.getSimpleName());
        for (Class<?> c = type.getEnclosingClass(); c != null; c = c.getEnclosingClass()) {
            simple.insert(0, c.getSimpleName() + "_");
        }
        String pkg = type.getPackageName();
        return (pkg.isEmpty() ? "" : pkg + ".") + simple + "Coroutines";
    }

    /** The class the processor generated for {@code type}, loaded by {@code type}'s loader. */
    static <T> Class<? extends T> generatedClass(Class<T> type) {
        String name = generatedName(type);
        Class<?> generated;
        try {
            generated = Class.forName(name, true, type.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no generated class " + name + " for " + type.getName()
                    + ": the jcoro annotation processor did not run (add jcoro-processor to the"
                    + " annotation processor path), or " + type.getName() + " has no @Async methods", e);
        }
        if (!type.isAssignableFrom(generated)) {
            throw new IllegalArgumentException(name + " does not extend " + type.getName());
        }
        return generated.asSubclass(type);
    }

    static <T> T create(Class<T> type, Object... args) {
        Object[] arguments = args == null ? new Object[] {null} : args;
        Class<? extends T> generated = generatedClass(type);
        String name = generated.getName();
        List<Constructor<?>> candidates = new ArrayList<>();
        for (Constructor<?> c : generated.getDeclaredConstructors()) {
            if (!Modifier.isPrivate(c.getModifiers())) {
                candidates.add(c);
            }
        }
        // JLS 15.12.2: first without unboxing, then with it
        List<Constructor<?>> applicable = applicable(candidates, arguments, false);
        if (applicable.isEmpty()) {
            applicable = applicable(candidates, arguments, true);
        }
        List<Constructor<?>> best = mostSpecific(applicable);
        if (best.size() != 1) {
            throw new IllegalArgumentException((best.isEmpty() ? "no constructor of " : "ambiguous constructors of ")
                    + name + " accepts (" + describeArgs(arguments) + "); candidates: "
                    + describe(best.isEmpty() ? candidates : best));
        }
        Constructor<?> chosen = best.get(0);
        try {
            chosen.setAccessible(true);
            return type.cast(chosen.newInstance(arguments));
        } catch (InvocationTargetException e) {
            throw Throwables.sneakyThrow(e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot call " + chosen + ": " + e, e);
        }
    }

    private static List<Constructor<?>> applicable(List<Constructor<?>> candidates, Object[] args, boolean unboxing) {
        List<Constructor<?>> result = new ArrayList<>();
        for (Constructor<?> c : candidates) {
            if (accepts(c.getParameterTypes(), args, unboxing)) {
                result.add(c);
            }
        }
        return result;
    }

    private static boolean accepts(Class<?>[] params, Object[] args, boolean unboxing) {
        if (params.length != args.length) {
            return false;
        }
        for (int i = 0; i < params.length; i++) {
            Object arg = args[i];
            if (arg == null ? params[i].isPrimitive() : !convertible(arg.getClass(), params[i], unboxing)) {
                return false;
            }
        }
        return true;
    }

    /** Assignment of an argument of class {@code from}: widening, and unboxing if allowed. */
    private static boolean convertible(Class<?> from, Class<?> to, boolean unboxing) {
        if (!to.isPrimitive()) {
            return to.isAssignableFrom(from);
        }
        if (!unboxing) {
            return false;
        }
        Class<?> primitive = null;
        for (Map.Entry<Class<?>, Class<?>> e : BOXES.entrySet()) {
            if (e.getValue() == from) {
                primitive = e.getKey();
            }
        }
        return primitive != null && widens(primitive, to);
    }

    private static boolean widens(Class<?> from, Class<?> to) {
        if (from == to) {
            return true;
        }
        List<Class<?>> numeric = List.of(byte.class, short.class, int.class, long.class, float.class, double.class);
        if (from == char.class) {
            return to == int.class || to == long.class || to == float.class || to == double.class;
        }
        int f = numeric.indexOf(from);
        int t = numeric.indexOf(to);
        return f >= 0 && t > f && !(from == byte.class && to == char.class);
    }

    /** The applicable constructors no other applicable one is strictly more specific than. */
    private static List<Constructor<?>> mostSpecific(List<Constructor<?>> applicable) {
        List<Constructor<?>> best = new ArrayList<>();
        for (Constructor<?> c : applicable) {
            boolean beaten = false;
            for (Constructor<?> other : applicable) {
                if (other != c && moreSpecific(other, c) && !moreSpecific(c, other)) {
                    beaten = true;
                    break;
                }
            }
            if (!beaten) {
                best.add(c);
            }
        }
        return best;
    }

    private static boolean moreSpecific(Constructor<?> a, Constructor<?> b) {
        Class<?>[] pa = a.getParameterTypes();
        Class<?>[] pb = b.getParameterTypes();
        for (int i = 0; i < pa.length; i++) {
            boolean ok = pa[i].isPrimitive() || pb[i].isPrimitive()
                    ? pa[i].isPrimitive() && pb[i].isPrimitive() && widens(pa[i], pb[i])
                    : pb[i].isAssignableFrom(pa[i]);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String describeArgs(Object[] args) {
        return Arrays.stream(args)
                .map(a -> a == null ? "null" : a.getClass().getSimpleName())
                .collect(Collectors.joining(", "));
    }

    private static String describe(List<Constructor<?>> constructors) {
        if (constructors.isEmpty()) {
            return "none";
        }
        return constructors.stream()
                .map(c -> c.getDeclaringClass().getSimpleName() + Arrays.stream(c.getParameterTypes())
                        .map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")")))
                .collect(Collectors.joining(", "));
    }
}
