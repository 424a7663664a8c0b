package programs.sealed;

/** A record among the permitted subclasses, as sealed hierarchies usually have. */
public record Polygon(int corners) implements Shape {}
