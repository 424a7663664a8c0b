package io.jcoro.processor.util;

import com.palantir.javapoet.ClassName;

/** The names of the annotation and runtime types the processor reads and generates against. */
public final class TypeNames {
    public static final String ASYNC = "io.jcoro.annotations.Async";
    public static final String CORO = "io.jcoro.Coro";

    public static final ClassName COROUTINE = ClassName.get("io.jcoro", "Coroutine");
    public static final ClassName ASYNC_CLOSEABLE = ClassName.get("io.jcoro", "AsyncCloseable");
    public static final ClassName ASYNC_GENERATOR = ClassName.get("io.jcoro", "AsyncGenerator");
    public static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    /** The DSL verbs that the lowering consumes; any other use of them is an error. */
    public static final String AWAIT = "await";
    public static final String DONE = "done";
    public static final String EMIT = "emit";
    public static final String EACH = "each";

    private TypeNames() {}
}
