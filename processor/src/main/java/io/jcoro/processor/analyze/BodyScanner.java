package io.jcoro.processor.analyze;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import io.jcoro.processor.attribute.Attribution;
import io.jcoro.processor.diag.DiagnosticCode;
import io.jcoro.processor.diag.Diagnostics;
import io.jcoro.processor.model.AsyncMethod;
import io.jcoro.processor.util.TypeNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Analyze: one walk over an attributed {@code @Async} body that finds the suspension points,
 * rejects the places a suspension cannot be, and resolves every simple name the frame class
 * could bind differently. Read-only; the result is a {@link BodyFacts}.
 */
public final class BodyScanner {
    private final Attribution attribution;
    private final Diagnostics diagnostics;
    private final Types types;
    private final DiscardedResults discarded;

    public BodyScanner(Attribution attribution, Diagnostics diagnostics, Types types) {
        this.attribution = attribution;
        this.diagnostics = diagnostics;
        this.types = types;
        this.discarded = new DiscardedResults(attribution, diagnostics, types);
    }

    public BodyFacts scan(AsyncMethod method) {
        Walker walker = new Walker(method);
        walker.scan(method.path(), null);
        return new BodyFacts(walker.awaits, walker.dones, walker.emits, walker.eachLoops, walker.suspending, walker.members,
                walker.thisRefs, walker.localRefs, walker.locals,
                walker.usesInstance || !method.host().getTypeParameters().isEmpty(), walker.localTypes,
                new DeclaredNames(walker.declaredTypes, walker.declaredVariables));
    }

    private final class Walker extends TreePathScanner<Void, Void> {
        private final AsyncMethod method;
        /** The type whose generated class holds the frame. */
        private final TypeElement host;
        /** The type that declares the method: the body's names are resolved in its scope. */
        private final TypeElement declaringType;
        private final Set<Tree> awaits = new LinkedHashSet<>();
        private final Set<Tree> dones = new LinkedHashSet<>();
        private final Set<Tree> emits = new LinkedHashSet<>();
        private final Set<Tree> eachLoops = new LinkedHashSet<>();
        private final Set<Tree> suspending = new LinkedHashSet<>();
        private final Map<Tree, MemberRef> members = new LinkedHashMap<>();
        private final Set<Tree> thisRefs = new LinkedHashSet<>();
        private final Map<Tree, VariableElement> localRefs = new LinkedHashMap<>();
        private final List<VariableElement> locals = new ArrayList<>();
        private final Map<Tree, TypeElement> localTypes = new LinkedHashMap<>();
        private final Set<String> declaredTypes = new java.util.TreeSet<>();
        private final Set<String> declaredVariables = new java.util.TreeSet<>();
        /** The body may reach the user's instance; conservative (see {@link BodyFacts#usesInstance}). */
        private boolean usesInstance;
        /** The lambda or class bodies, innermost last, that enclose the current tree. */
        private final List<Tree> nested = new ArrayList<>();
        private int synchronizedDepth;

        Walker(AsyncMethod method) {
            this.method = method;
            this.host = method.host();
            this.declaringType = (TypeElement) method.element().getEnclosingElement();
        }

        /**
         * Skips the trees javac added to the user's (a record's implicit canonical constructor,
         * the parameters of a compact one, an implicit {@code super()}, the type written into a
         * {@code var}): they have no text in the file, which the emitter copies with its edits, so
         * there is nothing in them to edit, and nothing the user wrote to check.
         */
        @Override
        public Void scan(Tree tree, Void unused) {
            if (tree != null && attribution.positions().getEndPosition(method.unit(), tree) < 0) {
                return null;
            }
            return super.scan(tree, unused);
        }

        @Override
        public Void visitMethod(MethodTree tree, Void unused) {
            if (nested.isEmpty() && getCurrentPath().getLeaf() == method.tree()) {
                tree.getTypeParameters().forEach(parameter -> checkDollar(parameter, parameter.getName()));
                for (VariableTree parameter : tree.getParameters()) {
                    declaredVariables.add(parameter.getName().toString());
                    VariableElement element = variable(new TreePath(getCurrentPath(), parameter));
                    locals.add(element);
                    localRefs.put(parameter, element);
                }
                return scan(tree.getBody(), null);
            }
            return super.visitMethod(tree, unused);
        }

        @Override
        public Void visitLambdaExpression(LambdaExpressionTree tree, Void unused) {
            return nested(tree, () -> super.visitLambdaExpression(tree, unused));
        }

        @Override
        public Void visitClass(ClassTree tree, Void unused) {
            if (!tree.getSimpleName().isEmpty()) {
                declaredTypes.add(tree.getSimpleName().toString());
                checkDollar(tree, tree.getSimpleName());
                checkNotGeneratedName(tree);
            }
            noteLocalType(tree, attribution.elementOf(getCurrentPath()));
            return nested(tree, () -> super.visitClass(tree, unused));
        }

        /** Scans a lambda or class body, which has a scope of its own and cannot suspend. */
        private Void nested(Tree body, java.util.function.Supplier<Void> scan) {
            nested.add(body);
            try {
                return scan.get();
            } finally {
                nested.remove(nested.size() - 1);
            }
        }

        /**
         * A try-with-resources over an {@code AsyncCloseable} suspends even with no await inside:
         * leaving it awaits {@code closeAsync} ({@code async with}).
         */
        @Override
        public Void visitTry(com.sun.source.tree.TryTree tree, Void unused) {
            if (nested.isEmpty()) {
                for (Tree resource : tree.getResources()) {
                    TypeMirror type = attribution.typeOf(new TreePath(getCurrentPath(), resource));
                    if (type != null && attribution.isAsyncCloseable(type)) {
                        if (synchronizedDepth > 0) {
                            diagnostics.report(DiagnosticCode.AWAIT_IN_SYNCHRONIZED, resource, method.unit(),
                                    method.element(), "an async try-with-resources");
                        } else {
                            markSuspending(getCurrentPath());
                        }
                        break;
                    }
                }
            }
            return super.visitTry(tree, unused);
        }

        @Override
        public Void visitSynchronized(SynchronizedTree tree, Void unused) {
            scan(tree.getExpression(), null);
            synchronizedDepth++;
            try {
                return scan(tree.getBlock(), null);
            } finally {
                synchronizedDepth--;
            }
        }

        @Override
        public Void visitTypeParameter(com.sun.source.tree.TypeParameterTree tree, Void unused) {
            declaredTypes.add(tree.getName().toString());
            checkDollar(tree, tree.getName());
            return super.visitTypeParameter(tree, unused);
        }

        @Override
        public Void visitVariable(VariableTree tree, Void unused) {
            declaredVariables.add(tree.getName().toString());
            // at any depth: a $-name declared in a lambda or a local class could capture the
            // generated code's own in the statements printed around it
            checkDollar(tree, tree.getName());
            if (nested.isEmpty()) {
                VariableElement element = variable(getCurrentPath());
                if (element != null) {
                    locals.add(element);
                    localRefs.put(tree, element);
                }
            }
            return super.visitVariable(tree, unused);
        }

        @Override
        public Void visitReturn(ReturnTree tree, Void unused) {
            if (nested.isEmpty() && !(tree.getExpression() instanceof MethodInvocationTree call
                    && isVerb(attribution.elementOf(new TreePath(getCurrentPath(), call)), TypeNames.DONE))) {
                diagnostics.report(DiagnosticCode.RETURN_WITHOUT_DONE, tree, method.unit(), method.element());
            }
            return super.visitReturn(tree, unused);
        }

        @Override
        public Void visitLabeledStatement(LabeledStatementTree tree, Void unused) {
            checkDollar(tree, tree.getLabel());
            return super.visitLabeledStatement(tree, unused);
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
            Element element = attribution.elementOf(getCurrentPath());
            if (isVerb(element, TypeNames.AWAIT)) {
                onAwait(tree);
            } else if (isVerb(element, TypeNames.DONE)) {
                onDone(tree);
            } else if (isVerb(element, TypeNames.EMIT)) {
                onEmit(tree);
            } else if (isVerb(element, TypeNames.EACH)) {
                onEach(tree);
            }
            return super.visitMethodInvocation(tree, unused);
        }

        @Override
        public Void visitExpressionStatement(ExpressionStatementTree tree, Void unused) {
            if (nested.isEmpty()) {
                TreePath expression = new TreePath(getCurrentPath(), tree.getExpression());
                discarded.check(expression, isVerb(attribution.elementOf(expression), TypeNames.AWAIT), method);
            }
            return super.visitExpressionStatement(tree, unused);
        }

        @Override
        public Void visitIdentifier(IdentifierTree tree, Void unused) {
            String name = tree.getName().toString();
            if (name.equals("this")) {
                if (nested.stream().noneMatch(ClassTree.class::isInstance)) {
                    thisRefs.add(tree);
                    usesInstance = true;
                }
            } else if (name.equals("super")) {
                if (nested.stream().noneMatch(ClassTree.class::isInstance)) {
                    diagnostics.report(DiagnosticCode.SUPER_IN_BODY, tree, method.unit(), method.element());
                }
            } else {
                Element element = attribution.elementOf(getCurrentPath());
                noteInnerClass(element);
                noteLocalType(tree, element);
                resolveName(tree, element);
            }
            return null;
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
            if (tree.getIdentifier().contentEquals("this")) {
                Element selected = attribution.elementOf(new TreePath(getCurrentPath(), tree.getExpression()));
                // Type.this of a class declared in the body is that class's instance, not the user's
                usesInstance |= !(selected instanceof TypeElement t && isDeclaredInBody(t));
                if (nested.stream().noneMatch(ClassTree.class::isInstance)
                        && selected != null && selected.equals(declaringType)) {
                    thisRefs.add(tree);
                    return null;
                }
            } else {
                Element selected = attribution.elementOf(getCurrentPath());
                noteInnerClass(selected);
                checkNestPrivate(tree, selected);
            }
            if (tree.getIdentifier().contentEquals("super")) {
                diagnostics.report(DiagnosticCode.SUPER_IN_BODY, tree, method.unit(), method.element());
            }
            return super.visitMemberSelect(tree, unused);
        }

        @Override
        public Void visitNewClass(NewClassTree tree, Void unused) {
            if (tree.getClassBody() == null) {
                checkNestPrivate(tree, attribution.elementOf(getCurrentPath()));
            }
            return super.visitNewClass(tree, unused);
        }

        @Override
        public Void visitMemberReference(MemberReferenceTree tree, Void unused) {
            checkNestPrivate(tree, attribution.elementOf(getCurrentPath()));
            return super.visitMemberReference(tree, unused);
        }

        /**
         * A private member or constructor of a type of the user's top-level class, reached through
         * a qualifier ({@code this.count}, {@code box.size}, {@code Box.of(1)}, {@code new Box(1)},
         * {@code Box::of}): Java lets the whole top-level class reach it, but the body moves into
         * the generated class, another top-level class, which cannot (JLS 6.6.1). Simple names are
         * checked in {@link #resolveName}; the private members of a type declared in the body move
         * with it.
         */
        private void checkNestPrivate(Tree tree, Element element) {
            if (element == null || !element.getModifiers().contains(Modifier.PRIVATE)
                    || !(element.getEnclosingElement() instanceof TypeElement owner) || isDeclaredInBody(owner)
                    || !outermost(owner).equals(outermost(declaringType))) {
                return;
            }
            boolean constructor = element.getKind() == ElementKind.CONSTRUCTOR;
            diagnostics.report(DiagnosticCode.PRIVATE_MEMBER, tree, method.unit(), method.element(),
                    method.displayName(), constructor ? owner.getSimpleName() : element.getSimpleName());
        }

        private void onAwait(MethodInvocationTree tree) {
            if (canSuspendHere(tree, "await")) {
                awaits.add(tree);
                markSuspending(getCurrentPath());
            }
        }

        /** {@code emit(v)}: a suspension of an async generator's body. */
        private void onEmit(MethodInvocationTree tree) {
            if (!canSuspendHere(tree, "emit")) {
                return;
            }
            if (!method.generator()) {
                diagnostics.report(DiagnosticCode.EMIT_IN_COROUTINE, tree, method.unit(), method.element(),
                        method.displayName(), method.element().getReturnType());
                return;
            }
            emits.add(tree);
            markSuspending(getCurrentPath());
        }

        /** {@code for (T x : each(g))}: async for, which awaits at each iteration. */
        private void onEach(MethodInvocationTree tree) {
            TreePath parent = getCurrentPath().getParentPath();
            if (!(parent.getLeaf() instanceof com.sun.source.tree.EnhancedForLoopTree loop)
                    || loop.getExpression() != tree) {
                diagnostics.report(DiagnosticCode.EACH_OUTSIDE_FOR, tree, method.unit(), method.element());
                return;
            }
            if (canSuspendHere(tree, "each")) {
                eachLoops.add(loop);
                markSuspending(parent);
            }
        }

        /** Reports a suspension inside a lambda, a nested class or a synchronized block. */
        private boolean canSuspendHere(Tree tree, String verb) {
            if (!nested.isEmpty()) {
                boolean inLambda = nested.get(nested.size() - 1) instanceof LambdaExpressionTree;
                diagnostics.report(inLambda ? DiagnosticCode.AWAIT_IN_LAMBDA : DiagnosticCode.AWAIT_IN_LOCAL_CLASS,
                        tree, method.unit(), method.element(), verb);
                return false;
            }
            if (synchronizedDepth > 0) {
                diagnostics.report(DiagnosticCode.AWAIT_IN_SYNCHRONIZED, tree, method.unit(), method.element(), verb);
                return false;
            }
            return true;
        }

        /** Marks {@code path}'s leaf and every tree around it up to the method as holding a suspension. */
        private void markSuspending(TreePath path) {
            for (TreePath p = path; p != null && !(p.getLeaf() instanceof MethodTree); p = p.getParentPath()) {
                suspending.add(p.getLeaf());
            }
        }

        private void onDone(MethodInvocationTree tree) {
            if (!nested.isEmpty()) {
                boolean inLambda = nested.get(nested.size() - 1) instanceof LambdaExpressionTree;
                diagnostics.report(inLambda ? DiagnosticCode.AWAIT_IN_LAMBDA : DiagnosticCode.AWAIT_IN_LOCAL_CLASS,
                        tree, method.unit(), method.element(), "done");
                return;
            }
            if (!(getCurrentPath().getParentPath().getLeaf() instanceof ReturnTree)) {
                diagnostics.report(DiagnosticCode.DONE_NOT_RETURNED, tree, method.unit(), method.element());
                return;
            }
            if (method.generator() && !tree.getArguments().isEmpty()) {
                diagnostics.report(DiagnosticCode.DONE_VALUE_IN_GENERATOR, tree, method.unit(), method.element(),
                        method.displayName());
                return;
            }
            if (tree.getArguments().isEmpty() && !method.generator() && !admitsVoid(method.resultType())) {
                diagnostics.report(DiagnosticCode.DONE_WITHOUT_VALUE, tree, method.unit(), method.element(),
                        method.displayName(), method.resultType());
                return;
            }
            dones.add(tree);
        }

        /** Classifies a simple name: a local of the method, or a member the frame must reach. */
        private void resolveName(IdentifierTree tree, Element element) {
            if (element == null) {
                return;
            }
            if (fromStaticContext(element)) {
                // javac rejects the name ("non-static ... cannot be referenced from a static context")
                // but binds it: lowering the body would repeat the error in the generated file
                diagnostics.countJavacError();
                return;
            }
            if (element instanceof VariableElement variable && isLocal(variable)) {
                if (nested.isEmpty() || locals.contains(variable)) {
                    localRefs.put(tree, variable);
                }
                return;
            }
            Element owner = element.getEnclosingElement();
            ElementKind kind = element.getKind();
            boolean member = kind == ElementKind.FIELD || kind == ElementKind.METHOD || kind == ElementKind.ENUM_CONSTANT;
            boolean type = kind.isClass() || kind.isInterface();
            // an inherited body is printed in another file, under that file's imports: every
            // type and static member it names is written qualified
            boolean foreign = method.inherited() && !inCaseLabel();
            if (foreign && type && owner instanceof javax.lang.model.element.PackageElement pkg && !pkg.isUnnamed()) {
                members.put(tree, MemberRef.type((TypeElement) element, isQualifier()));
                return;
            }
            if (!(owner instanceof TypeElement declaring) || isDeclaredInBody(declaring)) {
                return;
            }
            if (!member && !type) {
                return;
            }
            if (innermostClassInherits(declaring)) {
                return; // a nested class's own member: the name binds the same way in the frame
            }
            boolean inHierarchy = types.isSubtype(types.erasure(host.asType()), types.erasure(declaring.asType()));
            if (member && element.getModifiers().contains(Modifier.PRIVATE) && encloses(declaring, declaringType)) {
                diagnostics.report(DiagnosticCode.PRIVATE_MEMBER, tree, method.unit(), method.element(),
                        method.displayName(), element.getSimpleName());
                return;
            }
            boolean lexicalOnly = !inHierarchy && encloses(declaring, declaringType);
            if (type) {
                if (lexicalOnly || foreign) {
                    members.put(tree, MemberRef.type((TypeElement) element, isQualifier()));
                }
                return;
            }
            boolean isStatic = element.getModifiers().contains(Modifier.STATIC);
            usesInstance |= !isStatic;
            // an interface's static methods are not inherited by its implementations, the generated one included
            boolean notInherited = isStatic && kind == ElementKind.METHOD && declaring.getKind().isInterface();
            members.put(tree, MemberRef.member(element, inHierarchy && !isStatic,
                    lexicalOnly || notInherited || (foreign && (!inHierarchy || isStatic))));
        }

        /**
         * Whether {@code element} is a local of the method or an instance member of the user's types,
         * named inside a static context of the body (a local record, enum or interface, a static
         * member or initializer of a local class) that does not inherit it.
         */
        private boolean fromStaticContext(Element element) {
            boolean local = element instanceof VariableElement v && isLocal(v)
                    && method.element().equals(v.getEnclosingElement());
            boolean instanceMember = (element.getKind() == ElementKind.FIELD || element.getKind() == ElementKind.METHOD)
                    && !element.getModifiers().contains(Modifier.STATIC)
                    && element.getEnclosingElement() instanceof TypeElement owner && !isDeclaredInBody(owner)
                    && !innermostClassInherits(owner);
            if (nested.isEmpty() || !(local || instanceMember)) {
                return false;
            }
            for (TreePath p = getCurrentPath(); p.getLeaf() != method.tree(); p = p.getParentPath()) {
                Tree leaf = p.getLeaf();
                boolean member = p.getParentPath().getLeaf() instanceof ClassTree;
                if (leaf instanceof ClassTree c && c.getKind() != Tree.Kind.CLASS
                        || member && leaf instanceof MethodTree m && m.getModifiers().getFlags().contains(Modifier.STATIC)
                        || member && leaf instanceof VariableTree v && v.getModifiers().getFlags().contains(Modifier.STATIC)
                        || member && leaf instanceof com.sun.source.tree.BlockTree b && b.isStatic()) {
                    return true;
                }
            }
            return false;
        }

        /**
         * A member class with an enclosing instance, named anywhere in the body: creating one
         * without an explicit outer ({@code new Inner()}, {@code Inner::new}) takes the user's
         * instance, so such a body counts as using it even where it only names the type.
         */
        private void noteInnerClass(Element element) {
            if (element instanceof TypeElement type && type.getKind() == ElementKind.CLASS
                    && type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
                usesInstance = true;
            }
        }

        /** A class, record, enum or interface declared in the body: its declaration or a use of it. */
        private void noteLocalType(Tree tree, Element element) {
            if (element instanceof TypeElement type && type.getNestingKind() == NestingKind.LOCAL) {
                localTypes.put(tree, type);
            }
        }

        /**
         * A name that qualifies another ({@code Type.member}): an ambiguous name (JLS 6.5.2), which
         * a variable of the same name would obscure, unlike a type used as a type.
         */
        private boolean isQualifier() {
            Tree parent = getCurrentPath().getParentPath().getLeaf();
            return parent instanceof MemberSelectTree select && select.getExpression() == getCurrentPath().getLeaf()
                    && !select.getIdentifier().contentEquals("class") && !select.getIdentifier().contentEquals("this");
        }

        /** An enum constant as a {@code case} label must stay a simple name (before Java 21). */
        private boolean inCaseLabel() {
            Tree leaf = getCurrentPath().getLeaf();
            Tree parent = getCurrentPath().getParentPath().getLeaf();
            return parent.getKind().name().equals("CONSTANT_CASE_LABEL")
                    || (parent instanceof com.sun.source.tree.CaseTree c && c.getExpressions().contains(leaf));
        }

        private boolean innermostClassInherits(TypeElement declaring) {
            for (int i = nested.size() - 1; i >= 0; i--) {
                if (nested.get(i) instanceof ClassTree classTree) {
                    Element local = attribution.elementOf(pathTo(classTree));
                    return local instanceof TypeElement t
                            && types.isSubtype(types.erasure(t.asType()), types.erasure(declaring.asType()));
                }
            }
            return false;
        }

        private TreePath pathTo(Tree target) {
            for (TreePath p = getCurrentPath(); p != null; p = p.getParentPath()) {
                if (p.getLeaf() == target) {
                    return p;
                }
            }
            throw new IllegalStateException("not an ancestor: " + target.getKind());
        }

        private void checkDollar(Tree tree, CharSequence name) {
            if (name.toString().indexOf('$') >= 0) {
                diagnostics.report(DiagnosticCode.DOLLAR_IDENTIFIER, tree, method.unit(), method.element(), name);
            }
        }

        /** The body is printed inside the generated class, which no local class may be named like (JLS 14.3). */
        private void checkNotGeneratedName(ClassTree tree) {
            String generated = io.jcoro.processor.emit.GeneratedNames.generatedSimpleName(host);
            if (tree.getSimpleName().contentEquals(generated)) {
                diagnostics.report(DiagnosticCode.LOCAL_TYPE_NAMED_LIKE_GENERATED, tree, method.unit(), method.element(),
                        tree.getKind().name().toLowerCase(java.util.Locale.ROOT), generated, generated);
            }
        }

        private VariableElement variable(TreePath path) {
            Element element = attribution.elementOf(path);
            return element instanceof VariableElement v ? v : null;
        }
    }

    private static boolean isLocal(VariableElement variable) {
        return switch (variable.getKind()) {
            case LOCAL_VARIABLE, PARAMETER, EXCEPTION_PARAMETER, RESOURCE_VARIABLE, BINDING_VARIABLE -> true;
            default -> false;
        };
    }

    private static boolean isDeclaredInBody(TypeElement type) {
        for (Element e = type; e instanceof TypeElement t; e = t.getEnclosingElement()) {
            if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
                return true;
            }
        }
        return false;
    }

    /** The top-level type that is or encloses {@code type}. */
    private static TypeElement outermost(TypeElement type) {
        TypeElement top = type;
        for (Element e = type; e instanceof TypeElement t; e = t.getEnclosingElement()) {
            top = t;
        }
        return top;
    }

    /** True if {@code outer} is {@code inner} or lexically encloses it. */
    private static boolean encloses(TypeElement outer, TypeElement inner) {
        for (Element e = inner; e != null; e = e.getEnclosingElement()) {
            if (e.equals(outer)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isVerb(Element element, String name) {
        return element instanceof ExecutableElement e
                && e.getSimpleName().contentEquals(name)
                && e.getEnclosingElement() instanceof TypeElement t
                && t.getQualifiedName().contentEquals(TypeNames.CORO);
    }

    /**
     * Whether a {@code Coroutine<Void>} may stand for a {@code Coroutine<type>}, so that
     * {@code done()} can complete it: {@code Void} itself, or a wildcard that contains it
     * ({@code ?}, {@code ? extends Object}, {@code ? super Void}).
     */
    private static boolean admitsVoid(TypeMirror type) {
        if (type instanceof javax.lang.model.type.WildcardType wildcard) {
            TypeMirror upper = wildcard.getExtendsBound();
            TypeMirror lower = wildcard.getSuperBound();
            return lower != null ? isVoid(lower) : upper == null || isVoid(upper) || isObject(upper);
        }
        return isVoid(type);
    }

    private static boolean isObject(TypeMirror type) {
        return isClass(type, "java.lang.Object");
    }

    private static boolean isVoid(TypeMirror type) {
        return isClass(type, "java.lang.Void");
    }

    private static boolean isClass(TypeMirror type, String qualifiedName) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(qualifiedName);
    }
}
