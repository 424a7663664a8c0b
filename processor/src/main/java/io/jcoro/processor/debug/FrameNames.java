package io.jcoro.processor.debug;

/**
 * Where the classes nested in a generated class go once compiled: IDEs and JDI-based debuggers
 * look for the classes of a line of the user's file by name, its top-level class and the classes
 * whose binary names start with that name and {@code $} ({@code ReferenceType.nestedTypes()},
 * class-prepare filters {@code p.Tally$*}); so every class whose binary name starts with
 * {@code generatedClass + "$"} is renamed to start with {@code nest + "$"} instead (the rule is
 * {@code emit/GeneratedNames.frameNest}): {@code p.TallyCoroutines$$Tally} becomes
 * {@code p.Tally$TallyCoroutines$$Tally}. The generated class itself keeps its name.
 *
 * @param generatedClass the generated class's binary name, {@code p.TallyCoroutines}
 * @param nest the binary name its nested classes are renamed into, {@code p.Tally$TallyCoroutines}
 */
public record FrameNames(String generatedClass, String nest) {
    /** The binary name {@code binaryName} takes: renamed if nested in the generated class, else itself. */
    public String rename(String binaryName) {
        return binaryName.startsWith(generatedClass + '$') ? nest + binaryName.substring(generatedClass.length()) : binaryName;
    }

    /** The internal-name prefix of the classes nested in the generated class, {@code p/TallyCoroutines$}. */
    public String fromPrefix() {
        return internal(generatedClass) + '$';
    }

    /** What {@link #fromPrefix()} becomes, {@code p/Tally$TallyCoroutines$}. */
    public String toPrefix() {
        return internal(nest) + '$';
    }

    private static String internal(String binaryName) {
        return binaryName.replace('.', '/');
    }
}
