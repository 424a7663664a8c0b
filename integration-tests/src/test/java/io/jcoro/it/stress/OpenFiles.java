package io.jcoro.it.stress;

import java.io.File;

/** This process's open file descriptors, from {@code /proc/self/fd} (Linux). */
final class OpenFiles {
    private OpenFiles() {}

    /** How many files this process has open, or -1 where {@code /proc} does not say. */
    static int count() {
        String[] fds = new File("/proc/self/fd").list();
        return fds == null ? -1 : fds.length - 1; // minus the one listing the directory
    }
}
