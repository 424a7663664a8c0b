package programs.inherit;

/** Package-private: only the package's own code, and its generated classes, can use it. */
final class Helpers {
    private Helpers() {}

    static String label(int i) {
        return "#" + i;
    }
}
