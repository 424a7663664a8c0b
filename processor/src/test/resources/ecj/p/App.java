package p;

import io.jcoro.Coro;
import io.jcoro.Coroutine;

/** Plain code that names the generated classes, as an application's main does. */
public class App {
    public static Coroutine<Integer> start() {
        Users users = new UsersCoroutines();
        Users created = Coro.create(Users.class);
        return created == null ? null : users.one();
    }
}
