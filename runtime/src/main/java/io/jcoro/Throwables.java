package io.jcoro;

/** Rethrowing a failure unchanged, checked or not, from methods that do not declare it. */
final class Throwables {
    private Throwables() {}

    /**
     * Throws {@code failure} as is. Declared to return an exception so that callers can write
     * {@code throw Throwables.sneakyThrow(e);} and keep the compiler's flow analysis.
     */
    static RuntimeException sneakyThrow(Throwable failure) {
        throw Throwables.<RuntimeException>doThrow(failure);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E doThrow(Throwable failure) throws E {
        throw (E) failure;
    }
}
