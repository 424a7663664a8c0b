package golden;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.io.IOException;
import java.util.List;
import static io.jcoro.Coro.*;

/** The worked example of docs/design/lowering.md: a loop, an await in an expression, try/catch/finally. */
public interface Downloads {
    /** Implemented elsewhere (another @Async method, or a client's). */
    Coroutine<byte[]> fetch(String url) throws IOException;

    void log(String line);

    @Async
    default Coroutine<Integer> totalSize(List<String> urls) {
        int total = 0;
        for (String url : urls) {
            try {
                total += await(fetch(url)).length;
            } catch (IOException e) {
                log("skipped " + url + ": " + e.getMessage());
            } finally {
                await(sleep(10));
            }
        }
        return done(total);
    }
}
