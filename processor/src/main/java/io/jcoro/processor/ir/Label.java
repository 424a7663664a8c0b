package io.jcoro.processor.ir;

/** A symbolic jump target; {@link StateAssigner} gives it a state number. */
public final class Label {
    private final String purpose;
    private int state = -1;

    public Label(String purpose) {
        this.purpose = purpose;
    }

    /** What the label marks, for IR dumps: {@code "while.end"}. */
    public String purpose() {
        return purpose;
    }

    /** The state number; only valid after {@link StateAssigner} ran. */
    public int state() {
        if (state < 0) {
            throw new IllegalStateException("label " + purpose + " has no state yet");
        }
        return state;
    }

    void assign(int state) {
        if (this.state >= 0) {
            throw new IllegalStateException("label " + purpose + " marked twice");
        }
        this.state = state;
    }

    public boolean isAssigned() {
        return state >= 0;
    }
}
