package io.jcoro.test;

import io.jcoro.EventLoop;
import java.util.ArrayList;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * The test loop's exception handler: keeps each failure the loop reports (a task exception never
 * retrieved, an exception thrown by a callback) to fail the test with. Reports without an
 * exception (debug mode's slow callbacks) are printed, as by default.
 */
final class LoopReports implements EventLoop.ExceptionHandler {
    private final List<AssertionFailedError> failures = new ArrayList<>();

    @Override
    public void handle(EventLoop loop, String message, Throwable exception) {
        if (exception == null) {
            EventLoop.DEFAULT_EXCEPTION_HANDLER.handle(loop, message, null);
        } else {
            failures.add(new AssertionFailedError(message, exception));
        }
    }

    /**
     * The test's failure with the reported ones added: the first report if the test itself did
     * not fail, the others suppressed by it.
     *
     * @param failure the test's own failure, or null
     * @return the failure to throw, or null if there is none
     */
    Throwable addTo(Throwable failure) {
        Throwable result = failure;
        for (AssertionFailedError reported : failures) {
            if (result == null) {
                result = reported;
            } else {
                result.addSuppressed(reported);
            }
        }
        return result;
    }
}
