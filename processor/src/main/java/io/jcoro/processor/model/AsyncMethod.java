package io.jcoro.processor.model;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;

/**
 * One validated {@code @Async} method: its element, its attributed body, the {@code T} of its
 * {@code Coroutine<T>} or {@code AsyncGenerator<T>} result, and which of the two it returns.
 */
public record AsyncMethod(ExecutableElement element, TreePath path, TypeMirror resultType, boolean generator) {

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
