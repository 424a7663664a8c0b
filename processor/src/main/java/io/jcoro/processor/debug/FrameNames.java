package io.jcoro.processor.debug;

/**
 * The names the classes nested in a generated class take so that IDEs find them for a line of the
 * user's file. IDEs and JDI-based debuggers look for the classes of a file by name: its top-level
 * class and the classes whose binary names start with that name and {@code $}
 * ({@code ReferenceType.nestedTypes()}, class-prepare filters {@code p.Tally$*}). So
 * {@code p.TallyCoroutines$$Tally} becomes {@code p.Tally$TallyCoroutines$$Tally}: the user's
 * top-level class, {@code $}, then the name inside the package it had, which keeps the frames of
 * {@code p.Outer} ({@code p.OuterCoroutines}) apart from those of {@code p.Outer.Inner}
 * ({@code p.Outer_InnerCoroutines}). The generated class itself keeps its name.
 *
 * @param generatedClass the generated class's binary name, {@code p.TallyCoroutines}
 * @param userTopLevel the binary name of the top-level class of the user's type, {@code p.Tally}
 */
public record FrameNames(String generatedClass, String userTopLevel) {
    /** The binary name {@code binaryName} takes: renamed if nested in the generated class, else itself. */
    public String rename(String binaryName) {
        String nested = generatedClass + '$';
        if (!binaryName.startsWith(nested)) {
            return binaryName;
        }
        return userTopLevel + '$' + simpleGenerated() + binaryName.substring(generatedClass.length());
    }

    /** The internal-name prefix of the classes nested in the generated class, {@code p/TallyCoroutines$}. */
    public String fromPrefix() {
        return internal(generatedClass) + '$';
    }

    /** What {@link #fromPrefix()} becomes, {@code p/Tally$TallyCoroutines$}. */
    public String toPrefix() {
        return internal(userTopLevel) + '$' + simpleGenerated() + '$';
    }

    private String simpleGenerated() {
        return generatedClass.substring(generatedClass.lastIndexOf('.') + 1);
    }

    private static String internal(String binaryName) {
        return binaryName.replace('.', '/');
    }
}
