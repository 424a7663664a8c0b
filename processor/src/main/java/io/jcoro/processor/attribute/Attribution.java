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
    private final javax.lang.model.util.Elements elements;
    private final javax.lang.model.util.Types types;

    /** @param restoreTrees false only in tests: see {@link #restoreTrees()} */
    public Attribution(Trees trees, javax.lang.model.util.Elements elements, javax.lang.model.util.Types types,
            boolean restoreTrees) {
        this.trees = trees;
        this.elements = elements;
        this.types = types;
        this.objectType = elements.getTypeElement("java.lang.Object").asType();
        this.restoreTrees = restoreTrees;
        this.inferredTypes = new InferredTypeTrees(trees);
    }

    /** Paths of the method declarations of each type seen, found in one walk of its tree. */
    private final java.util.Map<Element, TreePath> methodPaths = new java.util.HashMap<>();

    /** The source files of every round so far: javac compiles them all again in each round. */
    private final java.util.Set<com.sun.source.tree.CompilationUnitTree> knownUnits = new java.util.LinkedHashSet<>();
    /** The source files of the classes attributed since {@link #restoreTrees()}. */
    private final java.util.Set<com.sun.source.tree.CompilationUnitTree> attributedUnits = new java.util.LinkedHashSet<>();
    /** The source files of the classes javac failed to attribute this round. */
    private final java.util.Set<com.sun.source.tree.CompilationUnitTree> failedUnits = new java.util.HashSet<>();
    private final boolean restoreTrees;
    private final InferredTypeTrees inferredTypes;
    private final UnresolvedPermits unresolvedPermits = new UnresolvedPermits();
    /** javac's log, pointed at the attributed class's file; null until needed, empty if out of reach. */
    private Optional<LogSource> logSource;
    /** The trees' shape before this round's attribution; null until needed, empty if it cannot be written back. */
    private Optional<TreeSnapshot> snapshot;

    /**
     * Gives javac back the trees it completed while attributing for the processor (see
     * {@link TreeSnapshot}), in every source file recorded since the last call; to be called once
     * the round's work with the trees is done.
     *
     * @return where the trees cannot be written back, the declarations whose inferred types
     *     javac cannot compile again (see {@link InferredTypeTrees})
     */
    public java.util.List<TreePath> restoreTrees() {
        java.util.List<TreePath> failing = new java.util.ArrayList<>();
        if (snapshot != null && snapshot.isPresent()) {
            snapshot.get().restore();
        } else {
            for (com.sun.source.tree.CompilationUnitTree unit : attributedUnits) {
                failing.addAll(inferredTypes.unrestorable(unit));
            }
        }
        attributedUnits.clear();
        return failing;
    }

    /**
     * Records, before javac attributes {@code type}, the trees attributing it may complete: every
     * source file of the compilation (a member or local class's supertype, attributed with it,
     * may be in any of them), and those of its supertypes found only on the source path.
     */
    private java.util.Set<com.sun.source.tree.CompilationUnitTree> recordBeforeAttribution(TypeMirror type) {
        java.util.Set<com.sun.source.tree.CompilationUnitTree> units = new java.util.LinkedHashSet<>();
        addSupertypeUnits(type, units);
        attributedUnits.addAll(units);
        if (snapshot == null) {
            snapshot = restoreTrees && !units.isEmpty() ? TreeSnapshot.of(units.iterator().next()) : Optional.empty();
        }
        snapshot.ifPresent(s -> {
            knownUnits.forEach(s::record);
            units.forEach(s::record);
        });
        return units;
    }

    /** javac attributes a class's superclasses with it, and the processor its supertypes' inherited bodies. */
    private void addSupertypeUnits(TypeMirror type, java.util.Set<com.sun.source.tree.CompilationUnitTree> units) {
        if (type.getKind() != javax.lang.model.type.TypeKind.DECLARED) {
            return;
        }
        Element element = types.asElement(type);
        TreePath path = element == null ? null : trees.getPath(element);
        if (path != null) {
            units.add(path.getCompilationUnit());
        }
        for (TypeMirror supertype : types.directSupertypes(type)) {
            addSupertypeUnits(supertype, units);
        }
    }

    /** Whether {@code method}'s body tree is part of this compilation (not only its class file). */
    public boolean hasSource(ExecutableElement method) {
        TreePath path = methodPath(method);
        return path != null && path.getLeaf() instanceof MethodTree tree && tree.getBody() != null;
    }

    /**
     * The attributed body of {@code method}, or empty if the method has no source tree.
     *
     * @throws AttributionFailed if javac failed attributing the method's class or a supertype,
     *     now or earlier in the round
     */
    public Optional<TreePath> attribute(ExecutableElement method) {
        TreePath path = methodPath(method);
        if (path == null || !(path.getLeaf() instanceof MethodTree tree) || tree.getBody() == null) {
            return Optional.empty();
        }
        java.util.Set<com.sun.source.tree.CompilationUnitTree> units = recordBeforeAttribution(method.getEnclosingElement().asType());
        if (units.stream().anyMatch(failedUnits::contains)) {
            throw new AttributionFailed(null);
        }
        try {
            // forces attribution of the enclosing class: the first statement-level node has no symbol yet
            if (logSource == null) {
                logSource = LogSource.of(trees);
            }
            Runnable attribution = () -> unresolvedPermits.whileHidden(
                    (javax.lang.model.element.TypeElement) method.getEnclosingElement(),
                    () -> trees.getElement(new TreePath(path, tree.getBody())));
            logSource.ifPresentOrElse(log -> log.whileIn(path.getCompilationUnit().getSourceFile(), attribution),
                    attribution);
        } catch (RuntimeException | AssertionError | StackOverflowError javacFailure) {
            // the classes javac was attributing are left half done: nothing in their files is used
            failedUnits.addAll(units);
            throw new AttributionFailed(javacFailure);
        }
        return Optional.of(path);
    }

    /**
     * {@link Trees#getPath(Element)} searches the whole compilation unit on every call; in a
     * file with hundreds of coroutines that is quadratic, so the type's methods are indexed once.
     */
    private TreePath methodPath(ExecutableElement method) {
        TreePath found = methodPaths.get(method);
        if (found != null) {
            return found;
        }
        TreePath typePath = trees.getPath(method.getEnclosingElement());
        if (typePath == null) {
            return null;
        }
        for (Tree member : ((com.sun.source.tree.ClassTree) typePath.getLeaf()).getMembers()) {
            if (member instanceof MethodTree) {
                TreePath memberPath = new TreePath(typePath, member);
                Element element = trees.getElement(memberPath);
                if (element != null) {
                    methodPaths.put(element, memberPath);
                }
            }
        }
        return methodPaths.get(method);
    }

    /**
     * Forgets the indexed paths (each round has trees of its own) and learns the round's source
     * files from its {@code roots}.
     */
    public void newRound(java.util.Collection<? extends Element> roots) {
        methodPaths.clear();
        failedUnits.clear();
        for (Element root : roots) {
            TreePath path = trees.getPath(root);
            if (path != null) {
                knownUnits.add(path.getCompilationUnit());
            }
        }
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

    /**
     * The first type or member that {@code body} names and that code in the body of
     * {@code hostMethod} could not reach, if any. An inherited body is printed in the generated
     * subclass of the host type, in the host's package, where the supertype's package-private
     * names, for one, are out of reach.
     */
    public Optional<Element> firstInaccessible(TreePath body, TreePath hostMethod) {
        com.sun.source.tree.Scope scope = trees.getScope(
                new TreePath(hostMethod, ((MethodTree) hostMethod.getLeaf()).getBody()));
        javax.lang.model.type.DeclaredType hostType = (javax.lang.model.type.DeclaredType) scope.getEnclosingClass().asType();
        Element[] found = new Element[1];
        new TreePathScanner<Void, Void>() {
            @Override
            public Void scan(Tree tree, Void unused) {
                if (found[0] != null || tree == null) {
                    return null;
                }
                TreePath path = new TreePath(getCurrentPath(), tree);
                boolean self = tree instanceof com.sun.source.tree.IdentifierTree id
                        && (id.getName().contentEquals("this") || id.getName().contentEquals("super"));
                Element element = self ? null : tree instanceof com.sun.source.tree.IdentifierTree
                        || tree instanceof com.sun.source.tree.MemberSelectTree
                        || tree instanceof com.sun.source.tree.NewClassTree
                        || tree instanceof com.sun.source.tree.MemberReferenceTree ? trees.getElement(path) : null;
                if (element != null && !reachable(scope, element, tree, path, hostType)) {
                    found[0] = element;
                    return null;
                }
                return super.scan(tree, unused);
            }
        }.scan(body, null);
        return Optional.ofNullable(found[0]);
    }

    private boolean reachable(com.sun.source.tree.Scope scope, Element element, Tree tree, TreePath path,
            javax.lang.model.type.DeclaredType hostType) {
        if (element instanceof javax.lang.model.element.TypeElement type) {
            return trees.isAccessible(scope, type);
        }
        if (!(element.getEnclosingElement() instanceof javax.lang.model.element.TypeElement owner)) {
            return true; // locals, parameters, packages
        }
        TypeMirror site = tree instanceof com.sun.source.tree.MemberSelectTree select
                ? trees.getTypeMirror(new TreePath(path, select.getExpression()))
                : tree instanceof com.sun.source.tree.MemberReferenceTree reference
                ? trees.getTypeMirror(new TreePath(path, reference.getQualifierExpression()))
                : tree instanceof com.sun.source.tree.NewClassTree ? trees.getTypeMirror(path)
                : types.isSubtype(types.erasure(hostType), types.erasure(owner.asType())) ? hostType : owner.asType();
        if (!(site instanceof javax.lang.model.type.DeclaredType declared)) {
            return true;
        }
        // javac calls a method overridden in the site inaccessible as the site's member: the
        // override is what such a call reaches
        return trees.isAccessible(scope, implementationIn(declared, element), declared);
    }

    /** The method {@code site} has in place of {@code member} (an override, or itself); any other member as it is. */
    private Element implementationIn(javax.lang.model.type.DeclaredType site, Element member) {
        if (!(member instanceof javax.lang.model.element.ExecutableElement method)
                || member.getKind() != javax.lang.model.element.ElementKind.METHOD) {
            return member;
        }
        javax.lang.model.element.TypeElement type = (javax.lang.model.element.TypeElement) site.asElement();
        for (javax.lang.model.element.ExecutableElement candidate
                : javax.lang.model.util.ElementFilter.methodsIn(elements.getAllMembers(type))) {
            if (candidate.getSimpleName().equals(method.getSimpleName()) && elements.overrides(candidate, method, type)) {
                return candidate;
            }
        }
        return member;
    }

    /**
     * The path of every tree under {@code root}, found in one walk: {@link TreePath#getPath}
     * searches the whole compilation unit on every call, which is quadratic in a file with many
     * coroutines.
     */
    public java.util.Map<Tree, TreePath> pathsUnder(TreePath root) {
        java.util.Map<Tree, TreePath> paths = new java.util.IdentityHashMap<>();
        new TreePathScanner<Void, Void>() {
            @Override
            public Void scan(Tree tree, Void unused) {
                if (tree != null) {
                    paths.put(tree, new TreePath(getCurrentPath(), tree));
                }
                return super.scan(tree, unused);
            }
        }.scan(root, null);
        paths.put(root.getLeaf(), root);
        return paths;
    }

    public TypeMirror typeOf(TreePath path) {
        return trees.getTypeMirror(path);
    }

    public Element elementOf(TreePath path) {
        return trees.getElement(path);
    }

    /** Whether {@code type} is an {@code io.jcoro.AsyncCloseable} (closed by awaiting {@code closeAsync}). */
    public boolean isAsyncCloseable(TypeMirror type) {
        javax.lang.model.element.TypeElement asyncCloseable = elements.getTypeElement("io.jcoro.AsyncCloseable");
        return asyncCloseable != null && types.isAssignable(types.erasure(type), types.erasure(asyncCloseable.asType()));
    }

    /** {@code int}, the type of an array loop's index. */
    public TypeMirror intType() {
        return types.getPrimitiveType(TypeKind.INT);
    }

    /**
     * The type of {@code iterable.iterator()}: {@code Iterator<E>} for the {@code Iterable<E>}
     * that {@code iterable} is, as javac sees the enhanced for (JLS 14.14.2).
     */
    public TypeMirror iteratorTypeOf(TypeMirror iterable) {
        javax.lang.model.element.TypeElement iterableElement = elements.getTypeElement("java.lang.Iterable");
        javax.lang.model.element.ExecutableElement iterator = javax.lang.model.util.ElementFilter
                .methodsIn(iterableElement.getEnclosedElements()).stream()
                .filter(m -> m.getSimpleName().contentEquals("iterator")).findFirst().orElseThrow();
        TypeMirror receiver = iterable;
        while (receiver.getKind() == TypeKind.TYPEVAR) {
            receiver = ((javax.lang.model.type.TypeVariable) receiver).getUpperBound();
        }
        if (receiver.getKind() == TypeKind.DECLARED) {
            for (TypeMirror candidate : supertypesAndSelf(receiver)) {
                if (types.isSameType(types.erasure(candidate), types.erasure(iterableElement.asType()))) {
                    return ((javax.lang.model.type.ExecutableType) types.asMemberOf(
                            (javax.lang.model.type.DeclaredType) candidate, iterator)).getReturnType();
                }
            }
        }
        return iterator.getReturnType();
    }

    private java.util.List<TypeMirror> supertypesAndSelf(TypeMirror type) {
        java.util.List<TypeMirror> all = new java.util.ArrayList<>();
        java.util.ArrayDeque<TypeMirror> queue = new java.util.ArrayDeque<>(java.util.List.of(type));
        while (!queue.isEmpty()) {
            TypeMirror next = queue.poll();
            all.add(next);
            queue.addAll(types.directSupertypes(next));
        }
        return all;
    }

    /**
     * Whether a type pattern of {@code patternType} matches every value of {@code selectorType}
     * but null (it is unconditional, JLS 14.30.3): a switch with such a case takes no {@code default}.
     */
    public boolean isUnconditional(TypeMirror patternType, TypeMirror selectorType) {
        return types.isSubtype(types.erasure(selectorType), types.erasure(patternType));
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
