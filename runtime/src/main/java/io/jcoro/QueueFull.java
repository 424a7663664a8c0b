package io.jcoro;

/**
 * putNowait on a full AsyncQueue
 *
 * <pre>{@code
 *  asyncio's QueueFull.:q.putNowait(item);   // throws QueueFull if q.isFull()
 * }</pre>
 */
public class QueueFull extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** With a message. */
    public QueueFull(String message) {
        super(message);
    }
}
