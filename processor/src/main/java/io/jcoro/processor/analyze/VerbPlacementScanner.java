package io.jcoro.processor.analyze;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import io.jcoro.processor.attribute.Attribution;
import io.jcoro.processor.diag.DiagnosticCode;
import io.jcoro.processor.diag.Diagnostics;
import io.jcoro.processor.util.TypeNames;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Analyze: in a type the processor handles, {@code await}/{@code done} anywhere outside an
 * {@code @Async} body would only throw at run time; reports each such call at compile time.
 * {@code @Async} bodies themselves are checked by {@link BodyScanner}; member types are handled
 * as types of their own.
 */
public final class VerbPlacementScanner {
    private final Attribution attribution;
    private final Diagnostics diagnostics;

    public VerbPlacementScanner(Attribution attribution, Diagnostics diagnostics) {
        this.attribution = attribution;
        this.diagnostics = diagnostics;
    }

    public void scan(TypeElement host, Set<ExecutableElement> asyncMethods) {
        TreePath root = attribution.trees().getPath(host);
        if (root == null) {
            return;
        }
        new TreePathScanner<Void, Void>() {
            @Override
            public Void visitClass(ClassTree tree, Void unused) {
                Element element = attribution.elementOf(getCurrentPath());
                if (tree != root.getLeaf() && element instanceof TypeElement type
                        && type.getNestingKind().isNested() && type.getEnclosingElement() instanceof TypeElement) {
                    return null; // a member type is a host of its own
                }
                return super.visitClass(tree, unused);
            }

            @Override
            public Void visitMethod(MethodTree tree, Void unused) {
                if (asyncMethods.contains(attribution.elementOf(getCurrentPath()))) {
                    return null;
                }
                return super.visitMethod(tree, unused);
            }

            @Override
            public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
                Element called = attribution.elementOf(getCurrentPath());
                if (called instanceof ExecutableElement method
                        && method.getEnclosingElement() instanceof TypeElement owner
                        && owner.getQualifiedName().contentEquals(TypeNames.CORO)
                        && java.util.Set.of(TypeNames.AWAIT, TypeNames.DONE, TypeNames.EMIT, TypeNames.EACH)
                                .contains(method.getSimpleName().toString())) {
                    diagnostics.report(DiagnosticCode.VERB_OUTSIDE_ASYNC, tree, root.getCompilationUnit(), host,
                            method.getSimpleName());
                }
                return super.visitMethodInvocation(tree, unused);
            }
        }.scan(root, null);
    }
}
