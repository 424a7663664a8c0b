package io.jcoro.processor.ir;

import javax.lang.model.type.TypeMirror;

/**
 * A synthetic variable of the lowering: the value of an await, or of a subexpression that Java
 * evaluates before an await and so must be saved before the frame suspends. Named {@code $t0},
 * {@code $t1}, ... ({@code $} keeps them apart from user names).
 *
 * @param type the type javac attributed to the value
 */
public record Temp(String name, TypeMirror type) {
    @Override
    public String toString() {
        return name;
    }
}
