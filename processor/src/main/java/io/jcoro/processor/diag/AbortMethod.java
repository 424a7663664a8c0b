package io.jcoro.processor.diag;

/**
 * Thrown by a pass that has reported an error, or met one that javac reports, and cannot go on
 * with this method: abandons the one method, never the round.
 */
public final class AbortMethod extends RuntimeException {
    public AbortMethod() {
        super(null, null, false, false);
    }
}
