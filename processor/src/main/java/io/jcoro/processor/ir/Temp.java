package io.jcoro.processor.ir;

import javax.lang.model.type.TypeMirror;

/**
 * A synthetic variable of the lowering: the value of an await, or of a subexpression that Java
 * evaluates before an await and so must be saved before the frame suspends. Named {@code $t0},
 * {@code $t1}, ... ({@code $} keeps them apart from user names). Compared by identity: each temp
 * is one variable.
 */
public final class Temp {
    private final String name;
    private final TypeMirror type;

    public Temp(String name, TypeMirror type) {
        this.name = name;
        this.type = type;
    }

    public String name() {
        return name;
    }

    /** The type javac attributed to the value. */
    public TypeMirror type() {
        return type;
    }

    @Override
    public String toString() {
        return name;
    }
}
