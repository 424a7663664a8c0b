package io.jcoro;

/**
 * A put on an AsyncQueue that was shut down, or a get on one that is shut down and empty:
 * Python 3.13's QueueShutDown.
 *
 * <pre>{@code
 * q.shutdown();
 * await(q.put(x));   // throws QueueShutDown
 * }</pre>
 */
public class QueueShutDown extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With a message. */
    public QueueShutDown(String message) {
        super(message);
    }
}
