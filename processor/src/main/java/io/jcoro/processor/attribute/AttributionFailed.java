package io.jcoro.processor.attribute;

/**
 * javac failed while it attributed a class for the processor (an exception or assertion of its
 * own, seen on erroneous input: a misplaced {@code break} in a local class on JDK 17, a generic
 * call with too few arguments around a lambda on JDK 25), or had failed on the class's source
 * file earlier in the round. The file has errors that javac reports when it compiles the class
 * itself, without the processor: the processor steps back, adding no error of its own.
 */
public final class AttributionFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AttributionFailed(Throwable javacFailure) {
        super(javacFailure);
    }
}
