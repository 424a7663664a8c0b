package io.jcoro.process;

/** The threads that pump a subprocess's pipes: platform daemon threads, one per pipe. */
final class Pumps {
    private Pumps() {}

    /** The name of a pipe's pump thread, for example {@code jcoro-pipe-4711-stdout}. */
    static String name(long pid, String pipe) {
        return "jcoro-pipe-" + pid + "-" + pipe;
    }

    /**
     * Starts {@code pump} on a daemon thread (a pump blocked on a child that never ends must not
     * keep the JVM alive); platform threads, so that the runtime stays Java 17.
     */
    static void start(Runnable pump, String name) {
        Thread t = new Thread(pump, name);
        t.setDaemon(true);
        t.start();
    }
}
