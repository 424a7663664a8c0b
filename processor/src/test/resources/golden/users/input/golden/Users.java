package golden;

import io.jcoro.Coroutine;
import io.jcoro.annotations.Async;
import java.time.Duration;
import java.util.List;
import static io.jcoro.Coro.*;

public interface Users {
    final class User {
        final int id;
        final String name;
        boolean processed;

        User(int id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    @Async
    default Coroutine<User> fetchUser(int id) {
        await(sleep(Duration.ofMillis(500)));           // pause here
        return done(new User(id, "User " + id));
    }

    @Async
    default Coroutine<User> processUser(int id) {
        User user = await(fetchUser(id));                // runs inline, no loop trip
        user.processed = true;
        return done(user);
    }

    @Async
    default Coroutine<Void> main() {
        List<User> users = await(gather(processUser(1), processUser(2), processUser(3)));
        for (User u : users) System.out.println("Processed: " + u.name);
        return done();
    }
}
