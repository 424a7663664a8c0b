package io.jcoro.processor.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A sink for the events a test program logs, to compare runs as ordered traces. */
public final class Trace implements Consumer<String> {
    private final List<String> events = new ArrayList<>();

    @Override
    public void accept(String event) {
        events.add(event);
    }

    public List<String> events() {
        return List.copyOf(events);
    }
}
