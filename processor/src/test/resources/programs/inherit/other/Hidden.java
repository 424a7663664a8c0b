package programs.inherit.other;

/** Package-private: out of reach from another package. */
final class Hidden {
    private Hidden() {}

    static String word() {
        return "hidden";
    }
}
