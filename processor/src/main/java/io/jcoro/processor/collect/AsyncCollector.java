package io.jcoro.processor.collect;

import io.jcoro.processor.model.AsyncType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Collect: groups the {@code @Async} methods of a round by their enclosing type. Types deferred
 * from an earlier round are re-read by name, so that a round never holds a stale element.
 */
public final class AsyncCollector {
    private final javax.lang.model.util.Elements elements;

    public AsyncCollector(javax.lang.model.util.Elements elements) {
        this.elements = elements;
    }

    /**
     * @param annotated the elements annotated {@code @Async} in this round
     * @param deferred  qualified names of types deferred from earlier rounds
     */
    public List<AsyncType> collect(Set<? extends Element> annotated, Set<String> deferred, TypeElement async) {
        Map<TypeElement, List<ExecutableElement>> byType = new LinkedHashMap<>();
        for (ExecutableElement method : ElementFilter.methodsIn(annotated)) {
            byType.computeIfAbsent((TypeElement) method.getEnclosingElement(), t -> new ArrayList<>());
        }
        for (String name : deferred) {
            TypeElement type = elements.getTypeElement(name);
            if (type != null) {
                byType.computeIfAbsent(type, t -> new ArrayList<>());
            }
        }
        List<AsyncType> types = new ArrayList<>();
        for (TypeElement type : byType.keySet()) {
            // re-read the members so that declaration order is kept, whatever the round's order
            List<ExecutableElement> methods = new ArrayList<>();
            for (Element member : type.getEnclosedElements()) {
                if (member.getKind() == ElementKind.METHOD && isAsync(member, async)) {
                    methods.add((ExecutableElement) member);
                }
            }
            types.add(new AsyncType(type, methods, inherited(type, async)));
        }
        return types;
    }

    /** The {@code @Async} methods {@code type} inherits from its supertypes and does not override. */
    private List<ExecutableElement> inherited(TypeElement type, TypeElement async) {
        List<ExecutableElement> inherited = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
            if (!method.getEnclosingElement().equals(type) && isAsync(method, async)) {
                inherited.add(method);
            }
        }
        return inherited;
    }

    /** Whether {@code member} is annotated {@code async} (the {@code @Async} annotation type). */
    public static boolean isAsync(Element member, TypeElement async) {
        return member.getAnnotationMirrors().stream()
                .anyMatch(m -> m.getAnnotationType().asElement().equals(async));
    }
}
