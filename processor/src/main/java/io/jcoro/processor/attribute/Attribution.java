package io.jcoro.processor.attribute;

import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Attribute: javac's own types and symbols for every tree of an {@code @Async} body, through the
 * public tree API only. {@link Trees#getElement} on the body makes javac attribute the whole
 * enclosing class (it does so for any class still marked unattributed); after that every
 * expression tree carries its type. The attribution made during a processing round is discarded
 * by javac before the next round, so it does not leak into the real compilation.
 */
public final class Attribution {
    private final Trees trees;

    private final TypeMirror objectType;

    public Attribution(Trees trees, javax.lang.model.util.Elements elements) {
        this.trees = trees;
        this.objectType = elements.getTypeElement("java.lang.Object").asType();
    }

    /** The attributed body of {@code method}, or empty if the method has no source tree. */
    public Optional<TreePath> attribute(ExecutableElement method) {
        TreePath path = trees.getPath(method);
        if (path == null || !(path.getLeaf() instanceof MethodTree tree) || tree.getBody() == null) {
            return Optional.empty();
        }
        // forces attribution of the enclosing class: the first statement-level node has no symbol yet
        trees.getElement(new TreePath(path, tree.getBody()));
        return Optional.of(path);
    }

    /** The first tree under {@code root} whose type javac could not resolve, if any. */
    public Optional<Tree> firstErroneous(TreePath root) {
        Tree[] found = new Tree[1];
        new TreePathScanner<Void, Void>() {
            @Override
            public Void scan(Tree tree, Void unused) {
                if (found[0] != null || tree == null) {
                    return null;
                }
                TypeMirror type = trees.getTypeMirror(new TreePath(getCurrentPath(), tree));
                if (type != null && type.getKind() == TypeKind.ERROR) {
                    found[0] = tree;
                    return null;
                }
                return super.scan(tree, unused);
            }
        }.scan(root, null);
        return Optional.ofNullable(found[0]);
    }

    public TypeMirror typeOf(TreePath path) {
        return trees.getTypeMirror(path);
    }

    public Element elementOf(TreePath path) {
        return trees.getElement(path);
    }

    /** {@code java.lang.Object}, the type a temp of the null type gets. */
    public TypeMirror objectType() {
        return objectType;
    }

    public SourcePositions positions() {
        return trees.getSourcePositions();
    }

    public Trees trees() {
        return trees;
    }
}
