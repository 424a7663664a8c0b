package demo;

import io.jcoro.Coro;

/** Run by PlainJavacTest with plain java: the runtime jar is all it needs. */
public final class Main {
    public static void main(String[] args) {
        Countdown countdown = Coro.create(Countdown.class);
        System.out.println("generated: " + countdown.getClass().getName());
        Coro.run(countdown.race());
        Countdown direct = new CountdownCoroutines();
        System.out.println("direct: " + Coro.run(direct.countdown("C", 1)));
    }
}
