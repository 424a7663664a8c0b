package io.jcoro.processor.model;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;

/**
 * One validated {@code @Async} method: its element, the type whose generated class lowers it
 * ({@code host}: the declaring type, or a subtype that inherits the method), its attributed
 * body, the {@code T} of its {@code Coroutine<T>} or {@code AsyncGenerator<T>} result, and which
 * of the two it returns.
 */
public record AsyncMethod(ExecutableElement element, javax.lang.model.element.TypeElement host, TreePath path,
        TypeMirror resultType, boolean generator) {

    /** Inherited: the body is another type's, written against that type's file and scope. */
    public boolean inherited() {
        return !element.getEnclosingElement().equals(host);
    }

    public MethodTree tree() {
        return (MethodTree) path.getLeaf();
    }

    public CompilationUnitTree unit() {
        return path.getCompilationUnit();
    }

    /** {@code Users.fetchUser}, as messages and coroutine names show it. */
    public String displayName() {
        return element.getEnclosingElement().getSimpleName() + "." + element.getSimpleName();
    }
}
