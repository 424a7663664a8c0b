package io.jcoro.processor.model;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A type that declares {@code @Async} methods, with those methods in declaration order, and the
 * {@code @Async} methods it inherits from supertypes without overriding them.
 */
public record AsyncType(TypeElement element, List<ExecutableElement> methods, List<ExecutableElement> inherited) {
    public AsyncType {
        methods = List.copyOf(methods);
        inherited = List.copyOf(inherited);
    }
}
