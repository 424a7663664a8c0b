package io.jcoro;

/**
 * Thrown into an async generator at its current {@code emit} by {@link AsyncGenerator#close()}
 * (Python's GeneratorExit): its {@code finally} blocks run, and it must not emit again. An
 * {@code Error}, so that {@code catch (Exception e)} in the generator does not swallow it.
 */
final class GeneratorExit extends Error {
    GeneratorExit() {
        super("async generator closed", null, false, false);
    }
}
