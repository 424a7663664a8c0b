package io.jcoro;

/**
 * getNowait on an empty AsyncQueue
 *
 * <pre>{@code
 *  asyncio's QueueEmpty.:T item = q.getNowait();   // throws QueueEmpty if q.isEmpty()
 * }</pre>
 */
public class QueueEmpty extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With a message. */
    public QueueEmpty(String message) {
        super(message);
    }
}
