package io.jcoro.processor.model;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** A type that declares {@code @Async} methods, with those methods in declaration order. */
public record AsyncType(TypeElement element, List<ExecutableElement> methods) {
    public AsyncType {
        methods = List.copyOf(methods);
    }
}
