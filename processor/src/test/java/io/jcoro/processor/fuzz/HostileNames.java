package io.jcoro.processor.fuzz;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import io.jcoro.processor.testing.CoroCompiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;

/**
 * Hostile names for the differential fuzzer: declarations that would capture a name the
 * generated code writes (JLS 6.4.1 shadowing, 6.4.2 obscuring), placed where the generated code
 * is in their scope. Variables (fields, parameters, locals that live across awaits and so become
 * frame fields) take the names listed below and every name the generated code writes that the
 * user's source does not ({@link #emitterNames}, derived from the processor's own output);
 * member types, local classes and type parameters take those of them the user's program does not
 * use as a type or qualifier.
 *
 * <p>One combination is never made: types named like the first identifier of a package the
 * generated code names <em>and</em> like the simple name of a type of that package, in one
 * program. There no spelling means the type in Java (the processor's {@code NameSpeller} says
 * why); so a program's types are either all of {@link #ROOT_TYPES} or all of the others.
 */
final class HostileNames {
    /** Names the generated code writes, or wrote once: the list every generator run uses. */
    static final List<String> LISTED = List.of("java", "io", "lang", "javax", "jcoro", "String", "Object", "Override",
            "Throwable", "Iterator", "StackTraceElement", "AssertionError", "Void", "Coroutine", "Coro",
            "AsyncCloseable", "AsyncGenerator");
    /** The first identifiers of the packages generated code names (the fuzz package's is added). */
    private static final Set<String> ROOT_TYPES = Set.of("java", "io", "javax");

    private final Set<String> all = new LinkedHashSet<>(LISTED);
    private final Set<String> roots = new TreeSet<>(ROOT_TYPES);
    private final List<String> variables = new ArrayList<>();
    private final List<String> types = new ArrayList<>();
    private final Random random;

    /**
     * @param seed the class's random choices
     * @param prelude the fixed part of the program: no field may take a name it qualifies with
     */
    HostileNames(long seed, String packageName, String simpleName, String prelude) {
        this.random = new Random(seed);
        all.addAll(List.of(packageName.split("\\.")));
        all.add(simpleName + "Coroutines");
        all.addAll(emitterNames());
        roots.add(packageName.split("\\.")[0]);
        Set<String> qualifiers = identifiers(prelude, QUALIFIER);
        for (String name : all) {
            // the generator tells a catch parameter by its first letter
            if (!qualifiers.contains(name) && !name.startsWith("e")) {
                variables.add(name);
            }
        }
    }

    /**
     * Chooses the names of types, once the program's methods are generated: none that the
     * program uses, and either package roots only or simple names only (see the class comment).
     */
    void chooseTypes(String userSource) {
        Set<String> used = identifiers(userSource, IDENTIFIER);
        boolean rootTypes = random.nextBoolean();
        for (String name : all) {
            if (!used.contains(name) && roots.contains(name) == rootTypes) {
                types.add(name);
            }
        }
    }

    /** {@code method} with a type parameter and a local class of hostile names, on lines it has already. */
    BodyGenerator.MethodCase decorate(BodyGenerator.MethodCase method) {
        Random choices = new Random(method.seed());
        String typeParameter = typeParameter(choices);
        String localType = localType(choices);
        return new BodyGenerator.MethodCase(method.name(), method.seed(), method.returnBox(), method.n(), method.s(),
                decorate(method.asyncSource(), typeParameter, localType),
                decorate(method.plainSource(), typeParameter, localType));
    }

    private static String decorate(String source, String typeParameter, String localType) {
        int header = source.indexOf("    public ");
        int body = source.indexOf("{\n", header) + 1;
        return source.substring(0, header) + "    public " + typeParameter
                + source.substring(header + "    public ".length(), body) + localType + source.substring(body);
    }

    /** Names for one method's parameters and locals, none twice. */
    Method method(long seed) {
        List<String> names = new ArrayList<>(variables);
        Random random = new Random(seed);
        Collections.shuffle(names, random);
        return new Method(names, random);
    }

    /** Hostile variables of one method: its two parameters, then locals, while names last. */
    static final class Method {
        private final List<String> names;
        private final Random random;
        private int next;

        Method(List<String> names, Random random) {
            this.names = names;
            this.random = random;
        }

        /** The name of a parameter: hostile, or {@code usual}. */
        String parameter(String usual) {
            return next < names.size() && random.nextInt(4) > 0 ? names.get(next++) : usual;
        }

        /** The name of a local: now and then hostile, else {@code fresh}. */
        String local(String fresh) {
            return next < names.size() && random.nextInt(3) == 0 ? names.get(next++) : fresh;
        }
    }

    /**
     * The hostile members of the class, on one line (the lines of the program stay as they were):
     * fields of two kinds and member types.
     */
    String members() {
        StringBuilder line = new StringBuilder();
        List<String> fields = new ArrayList<>(variables);
        Collections.shuffle(fields, random);
        for (int i = 0; i < Math.min(6, fields.size()); i++) {
            line.append(i % 2 == 0 ? " int " + fields.get(i) + " = " + i + ";" : " static String " + fields.get(i) + " = \"h\";");
        }
        for (String type : types) {
            if (random.nextBoolean()) {
                line.append(random.nextBoolean() ? " interface " : " static class ").append(type).append(" {}");
            }
        }
        return line.toString();
    }

    /** A local class to declare first in a body, or "". */
    private String localType(Random choices) {
        return types.isEmpty() || choices.nextInt(3) > 0 ? "" : " class " + types.get(choices.nextInt(types.size())) + " {}";
    }

    /** A type parameter for a method, {@code "<java> "}, or "". */
    private String typeParameter(Random choices) {
        return types.isEmpty() || choices.nextInt(3) > 0 ? "" : "<" + types.get(choices.nextInt(types.size())) + "> ";
    }

    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$])([A-Za-z_$][\\w$]*)");
    private static final Pattern QUALIFIER = Pattern.compile("(?<![\\w$])([A-Za-z_$][\\w$]*)\\s*\\.");

    /** The identifiers of {@code source} outside its package and import declarations and string literals. */
    private static Set<String> identifiers(String source, Pattern pattern) {
        String code = source.replaceAll("(?m)^\\s*(package|import) .*$", "").replaceAll("\"([^\"\\\\]|\\\\.)*\"", "\"\"");
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(code);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    /**
     * Every name the processor writes in a generated file that its input does not contain:
     * derived once from its output for a sample of generated programs, so that a name the
     * emitter starts to write is fuzzed without anyone listing it.
     */
    static synchronized Set<String> emitterNames() {
        if (emitterNames == null) {
            long[] seeds = new long[12];
            for (int i = 0; i < seeds.length; i++) {
                seeds[i] = DifferentialFuzzTest.methodSeed(DifferentialFuzzTest.DEFAULT_SEED, i);
            }
            BodyGenerator.GeneratedClass sample = BodyGenerator.generateClass("fuzz", "Sample", seeds,
                    BodyGenerator.Config.defaults(), false);
            Compilation compilation = CoroCompiler.compile(
                    JavaFileObjects.forSourceString(sample.qualifiedName(), sample.source()));
            String generated;
            try {
                generated = compilation.generatedSourceFile(sample.qualifiedName() + "Coroutines").orElseThrow()
                        .getCharContent(true).toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Set<String> names = identifiers(generated.replaceAll("(?s)/\\*.*?\\*/|//[^\n]*", ""), IDENTIFIER);
            names.removeAll(identifiers(sample.source(), IDENTIFIER));
            names.removeIf(name -> name.contains("$") || SourceVersion.isKeyword(name) || name.startsWith("Sample"));
            emitterNames = Collections.unmodifiableSet(names);
        }
        return emitterNames;
    }

    private static Set<String> emitterNames;
}
