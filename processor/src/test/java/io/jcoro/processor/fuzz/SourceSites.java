package io.jcoro.processor.fuzz;

import com.google.testing.compile.JavaFileObjects;
import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.InstanceOfTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The places of a source file the mutator can edit, found by javac's parser (no attribution):
 * spans of statements, blocks, awaits, types, call arguments, methods, classes and local names.
 * Every span is [start, end) in the source text; sites whose positions javac does not know are
 * left out.
 */
final class SourceSites {
    record Span(int start, int end) {
        String text(String source) {
            return source.substring(start, end);
        }
    }

    /** A statement of a block; {@code async}: inside an {@code @Async} method's body, at any depth. */
    record Statement(Span span, int block, boolean async, boolean declaration, boolean awaits) {}

    /** A block: {@code open} is just after its {@code '{'}, {@code close} at its {@code '}'}. */
    record Block(int open, int close, boolean async) {}

    /** A call's arguments, in order (at least one). */
    record Call(List<Span> arguments) {}

    /** A method: its whole span, its body (null if none), whether it is {@code @Async}. */
    record Method(Span span, Block body, boolean async, boolean constructor) {}

    /** A type declaration: where its declaration starts, the end of its name, its body's {@code '}'}. */
    record Type(int start, int nameEnd, int close, Tree.Kind kind) {}

    /** A local variable or parameter name, and the method it is declared in. */
    record Local(String name, Span method) {}

    final String source;
    final List<Statement> statements = new ArrayList<>();
    final List<Block> blocks = new ArrayList<>();
    final List<Span> awaits = new ArrayList<>();
    final List<Span> types = new ArrayList<>();
    final List<Call> calls = new ArrayList<>();
    final List<Method> methods = new ArrayList<>();
    final List<Type> classes = new ArrayList<>();
    final List<Local> locals = new ArrayList<>();
    /** Whether javac's parser accepted the file (mutants of a file with syntax errors are still compiled). */
    final boolean parsed;

    private static final ThreadLocal<StandardJavaFileManager> FILES = ThreadLocal.withInitial(
            () -> ToolProvider.getSystemJavaCompiler().getStandardFileManager(null, null, null));

    private SourceSites(String source, boolean parsed) {
        this.source = source;
        this.parsed = parsed;
    }

    /** Parses {@code source}; on a syntax error, the sites are those of javac's error-recovered tree. */
    static SourceSites of(String source) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        boolean[] errors = new boolean[1];
        JavacTask task = (JavacTask) javac.getTask(null, FILES.get(), d -> errors[0] |= d.getKind() == javax.tools.Diagnostic.Kind.ERROR,
                List.of("-proc:none"), null, List.of(JavaFileObjects.forSourceString("Mutant", source)));
        SourceSites sites;
        try {
            Iterable<? extends CompilationUnitTree> units = task.parse();
            sites = new SourceSites(source, !errors[0]);
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            for (CompilationUnitTree unit : units) {
                sites.new Scanner(unit, positions).scan(unit, null);
            }
        } catch (java.io.IOException | RuntimeException parserFailure) {
            sites = new SourceSites(source, false);
        }
        return sites;
    }

    /** Collects the sites; {@code async} is true inside an {@code @Async} method's body. */
    private final class Scanner extends TreeScanner<Void, Void> {
        private final CompilationUnitTree unit;
        private final SourcePositions positions;
        private boolean async;
        private boolean awaitSeen;
        private Span method;

        Scanner(CompilationUnitTree unit, SourcePositions positions) {
            this.unit = unit;
            this.positions = positions;
        }

        private Span span(Tree tree) {
            if (tree == null) {
                return null;
            }
            int start = (int) positions.getStartPosition(unit, tree);
            int end = (int) positions.getEndPosition(unit, tree);
            return start < 0 || end <= start || end > source.length() ? null : new Span(start, end);
        }

        @Override
        public Void visitClass(ClassTree tree, Void unused) {
            Span span = span(tree);
            if (span != null && source.charAt(span.end() - 1) == '}') {
                int name = source.indexOf(tree.getSimpleName().toString(), (int) positions.getStartPosition(unit, tree));
                if (name >= 0 && tree.getSimpleName().length() > 0) {
                    classes.add(new Type(span.start(), name + tree.getSimpleName().length(), span.end() - 1, tree.getKind()));
                }
            }
            return super.visitClass(tree, unused);
        }

        @Override
        public Void visitMethod(MethodTree tree, Void unused) {
            boolean outerAsync = async;
            Span outerMethod = method;
            boolean isAsync = false;
            for (AnnotationTree a : tree.getModifiers().getAnnotations()) {
                isAsync |= a.getAnnotationType().toString().endsWith("Async");
            }
            Span span = span(tree);
            Span body = span(tree.getBody());
            if (span != null) {
                methods.add(new Method(span, body == null ? null : new Block(body.start() + 1, body.end() - 1, isAsync),
                        isAsync, tree.getReturnType() == null));
                method = span;
            }
            addType(tree.getReturnType());
            async = isAsync || async;
            try {
                return super.visitMethod(tree, unused);
            } finally {
                async = outerAsync;
                method = outerMethod;
            }
        }

        @Override
        public Void visitBlock(BlockTree tree, Void unused) {
            Span span = span(tree);
            if (span == null || source.charAt(span.start()) != '{') {
                return super.visitBlock(tree, unused);
            }
            int block = blocks.size();
            blocks.add(new Block(span.start() + 1, span.end() - 1, async));
            for (StatementTree statement : tree.getStatements()) {
                boolean outer = awaitSeen;
                awaitSeen = false;
                scan(statement, null);
                Span s = span(statement);
                if (s != null) {
                    statements.add(new Statement(s, block, async, statement instanceof VariableTree
                            || statement instanceof ClassTree, awaitSeen));
                }
                awaitSeen |= outer;
            }
            return null;
        }

        @Override
        public Void visitVariable(VariableTree tree, Void unused) {
            addType(tree.getType());
            if (method != null) {
                locals.add(new Local(tree.getName().toString(), method));
            }
            return super.visitVariable(tree, unused);
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
            ExpressionTree select = tree.getMethodSelect();
            String name = select instanceof IdentifierTree id ? id.getName().toString()
                    : select instanceof MemberSelectTree member ? member.getIdentifier().toString() : "";
            Span span = span(tree);
            if (name.equals("await") && span != null) {
                awaits.add(span);
                awaitSeen = true;
            }
            addCall(tree.getArguments());
            return super.visitMethodInvocation(tree, unused);
        }

        @Override
        public Void visitNewClass(NewClassTree tree, Void unused) {
            addCall(tree.getArguments());
            addType(tree.getIdentifier());
            return super.visitNewClass(tree, unused);
        }

        @Override
        public Void visitParameterizedType(ParameterizedTypeTree tree, Void unused) {
            tree.getTypeArguments().forEach(this::addType);
            return super.visitParameterizedType(tree, unused);
        }

        @Override
        public Void visitTypeCast(TypeCastTree tree, Void unused) {
            addType(tree.getType());
            return super.visitTypeCast(tree, unused);
        }

        @Override
        public Void visitInstanceOf(InstanceOfTree tree, Void unused) {
            addType(tree.getType());
            return super.visitInstanceOf(tree, unused);
        }

        private void addType(Tree type) {
            Span span = span(type);
            if (span != null) {
                types.add(span);
            }
        }

        private void addCall(List<? extends ExpressionTree> arguments) {
            List<Span> spans = new ArrayList<>();
            for (ExpressionTree argument : arguments) {
                Span span = span(argument);
                if (span == null) {
                    return;
                }
                spans.add(span);
            }
            if (!spans.isEmpty()) {
                calls.add(new Call(spans));
            }
        }
    }
}
