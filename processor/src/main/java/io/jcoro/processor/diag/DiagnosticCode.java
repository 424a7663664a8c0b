package io.jcoro.processor.diag;

import javax.tools.Diagnostic;

/**
 * Every message the processor can print: a stable id, a severity, a message template
 * ({@link String#format} arguments) and a one-line hint. Printed as {@code [JCORO-E001] message}.
 *
 * <p>Ids are never reused or renumbered: users search for them and suppress warnings by them
 * ({@code @SuppressWarnings("coro:JCORO-W001")}). {@code docs/diagnostics.md} lists them all; a
 * test keeps that page, this catalog and the negative tests in step.
 */
public enum DiagnosticCode {
    ASYNC_METHOD_STATIC("E001", Diagnostic.Kind.ERROR,
            "@Async method %s must not be static",
            "a coroutine method is overridden by the generated class; remove 'static'"),
    ASYNC_METHOD_PRIVATE("E002", Diagnostic.Kind.ERROR,
            "@Async method %s must not be private",
            "the generated subclass overrides it; make it package-private, protected or public"),
    ASYNC_METHOD_FINAL("E003", Diagnostic.Kind.ERROR,
            "@Async method %s must not be final",
            "the generated subclass overrides it; remove 'final'"),
    ASYNC_METHOD_RETURN_TYPE("E004", Diagnostic.Kind.ERROR,
            "@Async method %s must return io.jcoro.Coroutine<T> or io.jcoro.AsyncGenerator<T>, not %s",
            "declare the result as Coroutine<T> and end the body with 'return done(value);'"),
    ASYNC_METHOD_ABSTRACT("E005", Diagnostic.Kind.ERROR,
            "@Async method %s has no body",
            "write the body in a default method (interface) or a concrete method (class)"),
    ASYNC_TYPE_FINAL("E006", Diagnostic.Kind.ERROR,
            "@Async method %s is in final type %s",
            "the processor generates a subclass; remove 'final' (records and enums cannot host @Async methods)"),
    ASYNC_TYPE_NOT_STATIC("E007", Diagnostic.Kind.ERROR,
            "@Async method %s is in %s, which is not a top-level or static nested class or interface",
            "move the method to a top-level type or a static nested type"),
    ASYNC_TYPE_NO_CONSTRUCTOR("E008", Diagnostic.Kind.ERROR,
            "%s has no constructor that the generated subclass %s can call",
            "add a non-private constructor"),
    AWAIT_IN_LAMBDA("E010", Diagnostic.Kind.ERROR,
            "%s cannot be used inside a lambda in an @Async method",
            "a lambda body is a separate method that cannot suspend; make it an @Async method and await it"),
    AWAIT_IN_LOCAL_CLASS("E011", Diagnostic.Kind.ERROR,
            "%s cannot be used inside an anonymous or local class",
            "only the @Async method's own body can suspend; move the code into an @Async method"),
    AWAIT_IN_SYNCHRONIZED("E012", Diagnostic.Kind.ERROR,
            "%s cannot be used inside a synchronized block",
            "a monitor cannot be held across a suspension; use io.jcoro.sync.Mutex"),
    VERB_OUTSIDE_ASYNC("E013", Diagnostic.Kind.ERROR,
            "%s can only be used in the body of an @Async method",
            "annotate the enclosing method with @Async and make it return Coroutine<T>"),
    DONE_WITHOUT_VALUE("E014", Diagnostic.Kind.ERROR,
            "done() without a value in %s, which returns Coroutine<%s>",
            "return a value with 'return done(value);'; 'done()' is for Coroutine<Void>"),
    DONE_NOT_RETURNED("E015", Diagnostic.Kind.ERROR,
            "done(...) must be the whole expression of a return statement",
            "write 'return done(value);'"),
    PRIVATE_MEMBER("E016", Diagnostic.Kind.ERROR,
            "the body of %s uses private member '%s', which the generated subclass cannot reach",
            "make '%2$s' package-private"),
    SUPER_IN_BODY("E017", Diagnostic.Kind.ERROR,
            "'super' cannot be used in the body of an @Async method",
            "call a helper method of this type that uses 'super' instead"),
    DOLLAR_IDENTIFIER("E018", Diagnostic.Kind.ERROR,
            "identifier '%s' contains '$', which is reserved for generated code",
            "rename it without '$'"),
    NON_DENOTABLE_TYPE("E019", Diagnostic.Kind.ERROR,
            "the type of '%s' (%s) cannot be written in Java, so it cannot be kept across an await",
            "give it a type Java can name: an explicit type instead of var, a member class instead of a local or anonymous one"),
    INTERNAL_ERROR("E023", Diagnostic.Kind.ERROR,
            "internal error in the jcoro processor while processing %s: %s",
            "please report this at the jcoro issue tracker with the method's source"),
    RETURN_WITHOUT_DONE("E025", Diagnostic.Kind.ERROR,
            "a return in an @Async body must be 'return done(...);'",
            "to finish with another coroutine's result, write 'return done(await(other()));'"),
    EMIT_IN_COROUTINE("E027", Diagnostic.Kind.ERROR,
            "emit(...) can only be used in an @Async method that returns AsyncGenerator<T>; %s returns %s",
            "make the method return AsyncGenerator<T>, or return a single result with 'return done(value);'"),
    DONE_VALUE_IN_GENERATOR("E028", Diagnostic.Kind.ERROR,
            "done(value) cannot end the async generator %s",
            "emit the value with 'emit(value);' and end the generator with 'return done();'"),
    EACH_OUTSIDE_FOR("E029", Diagnostic.Kind.ERROR,
            "each(...) can only be the iterable of an enhanced for",
            "write 'for (T x : each(generator)) { ... }', or await generator.next() yourself"),
    LOCAL_TYPE_ACROSS_AWAIT("E030", Diagnostic.Kind.ERROR,
            "local %s '%s' is used across an await: the states of a coroutine cannot share a type declared in its body",
            "make it a member type of %3$s, or declare it after the await, next to its uses"),
    UNNAMEABLE_INFERRED_TYPE("E031", Diagnostic.Kind.ERROR,
            "javac cannot compile '%s' again once the jcoro processor had it attribute this class: its inferred type (%s) has no name",
            "give '%1$s' an explicit type; javac keeps the types it inferred, and the processor could not take this one back"),
    SEALED_WITHOUT_GENERATED("E032", Diagnostic.Kind.ERROR,
            "sealed %s does not permit %s, the class the processor generates for its @Async methods",
            "list it in the permits clause of %1$s: 'permits %3$s' (the generated class is in a file of its own, and a"
                    + " sealed type permits a class of another file only if its permits clause names it)"),
    ASYNC_METHOD_SYNCHRONIZED("E033", Diagnostic.Kind.ERROR,
            "@Async method %s must not be synchronized: its monitor cannot be held across a suspension",
            "guard the shared state with io.jcoro.sync.Mutex, or with synchronized blocks that hold no await"),
    LOCAL_TYPE_NAMED_LIKE_GENERATED("E034", Diagnostic.Kind.ERROR,
            "local %s '%s' has the name of %s, the class the processor generates to hold this body",
            "rename it: Java forbids a local class named like a class that encloses it"),
    TYPE_PARAMETER_HIDDEN("E035", Diagnostic.Kind.ERROR,
            "type parameter %s of %s has the name of a member type of %2$s, which hides it in the body of the generated %s",
            "rename the type parameter or the member type"),
    COROUTINE_NEVER_AWAITED("W001", Diagnostic.Kind.WARNING,
            "coroutine was never awaited: the result of %s is discarded, so its body never runs",
            "await it, or schedule it with createTask(...)"),
    INHERITED_ASYNC_NOT_LOWERED("W002", Diagnostic.Kind.WARNING,
            "%s inherits @Async method %s, which the generated %s cannot lower (%s): calling it there fails at run time",
            "override it in %1$s with an @Async method, or call it on an instance of %5$s"),
    LINES_NOT_REWRITTEN("W003", Diagnostic.Kind.WARNING,
            "the class file of %s keeps its name and the generated file's lines: %s",
            "a debugger shows the generated file for this class; report the failure with the class file"),
    DISCARDED_AWAITABLE("W004", Diagnostic.Kind.WARNING,
            "the %s that %s returns is discarded: %s",
            "await it; a timeout(...) scope belongs in the header of a try-with-resources, and work meant to run"
                    + " on its own belongs in an @Async method passed to createTask(...)"),
    STUBS_WITHOUT_TREE_API("W005", Diagnostic.Kind.WARNING,
            "this compiler (%s) has no javac tree API (com.sun.source), so the jcoro processor generated only the shape"
                    + " of each <Name>Coroutines class: its @Async methods throw IllegalStateException when called",
            "names and completion work in the editor; build with javac (plain, Maven, Gradle or IntelliJ's javac build)"
                    + " to run the coroutines");

    private final String id;
    private final Diagnostic.Kind kind;
    private final String template;
    private final String hint;

    DiagnosticCode(String number, Diagnostic.Kind kind, String template, String hint) {
        this.id = "JCORO-" + number;
        this.kind = kind;
        this.template = template;
        this.hint = hint;
    }

    /** The stable id, {@code JCORO-E001}. */
    public String id() {
        return id;
    }

    public Diagnostic.Kind kind() {
        return kind;
    }

    public String template() {
        return template;
    }

    public String hint() {
        return hint;
    }

    /** The full text: {@code [JCORO-E001] message (hint: ...)}. */
    public String format(Object... args) {
        return "[" + id + "] " + String.format(template, args) + "\n  hint: " + String.format(hint, args);
    }
}
