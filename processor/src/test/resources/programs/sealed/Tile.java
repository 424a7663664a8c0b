package programs.sealed;

/** The user's subclass of an abstract generated class. */
public class Tile extends SquareCoroutines {
    @Override
    protected int side() {
        return 3;
    }
}
