package diag;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.util.ArrayList;
import java.util.List;
import static io.jcoro.Coro.*;

interface LocalTypeAcrossAwait {
    @Async
    default Coroutine<String> pairs() {
        record Pair(String key, int value) {}
        List<Object> seen = new ArrayList<>();
        seen.add(new Pair("a", 1));
        await(sleep(1));
        seen.add(new Pair("b", 2)); // EXPECT: JCORO-E030 local record 'Pair' is used across an await
        return done(seen.toString());
    }

    @Async
    default Coroutine<String> fine() {
        await(sleep(1));
        class Label {
            String of(int n) {
                return "#" + n;
            }
        }
        String first = new Label().of(1);
        for (int i = 0; i < 2; i++) {
            enum Tone { LOW, HIGH }
            first += Tone.values()[i];
        }
        return done(first + await(later()));
    }

    @Async
    default Coroutine<String> later() {
        await(sleep(1));
        return done("!");
    }
}
