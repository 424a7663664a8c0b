package io.jcoro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ExceptionGroup, after CPython's Lib/test/test_exception_group.py (split/subgroup on nested
 * groups); outputs checked with twins/exception_group.py. And AsyncCloseable.afterClose, the rule
 * of SPEC's "Settled details".
 */
class ExceptionGroupTest {
    private final IOException io1 = new IOException("io1");
    private final IllegalStateException ise = new IllegalStateException("ise");
    private final IOException io2 = new IOException("io2");
    private final ExceptionGroup nested = new ExceptionGroup("inner", List.of(ise, io2));
    private final ExceptionGroup eg = new ExceptionGroup("outer", List.of(io1, nested));

    // test_basics_ExceptionGroup_fields, test_str
    @Test
    void messageAndMembers() {
        assertEquals("outer (2 sub-exceptions)", eg.getMessage());
        assertEquals("outer", eg.message());
        assertEquals("x (1 sub-exception)", new ExceptionGroup("x", List.of(io1)).getMessage());
        assertEquals(List.of(io1, nested), eg.exceptions());
        assertThrows(IllegalArgumentException.class, () -> new ExceptionGroup("empty", List.of()));
    }

    // test_basics_split_by_type__match / __no_match / __passthrough (test_exception_group.py)
    @Test
    void splitKeepsTheNesting() {
        ExceptionGroup.Split s = eg.split(IOException.class);
        assertEquals(List.of(io1), s.match().exceptions().subList(0, 1));
        ExceptionGroup matchedInner = (ExceptionGroup) s.match().exceptions().get(1);
        assertEquals("inner", matchedInner.message());
        assertEquals(List.of(io2), matchedInner.exceptions());
        ExceptionGroup restInner = (ExceptionGroup) s.rest().exceptions().get(0);
        assertEquals(List.of(ise), restInner.exceptions());
        assertEquals("outer", s.rest().message());
        // twin: match [IOException, ExceptionGroup(inner, [IOException])], rest [ExceptionGroup(inner, [ISE])]
        assertSame(eg, eg.split(Exception.class).match()); // all match: the group itself
        assertNull(eg.split(Exception.class).rest());
        assertNull(eg.subgroup(ArithmeticException.class));
        assertSame(eg, eg.subgroup(ExceptionGroup.class)); // the group itself is tested first
        assertSame(nested, eg.split(e -> e == ise || e == io2).match().exceptions().get(0));
    }

    @Test
    void printedTraceListsTheMembers() {
        StringWriter out = new StringWriter();
        eg.printStackTrace(new PrintWriter(out));
        String s = out.toString();
        assertTrue(s.contains("+---------------- 1 ----------------"), s);
        assertTrue(s.contains("| java.io.IOException: io1"), s);
        assertTrue(s.contains("| | java.lang.IllegalStateException: ise"), s);
    }

    @Test
    void afterCloseCombinesAFailingCloseWithThePendingException() {
        AsyncCloseable r = () -> Promise.completed(null);
        RuntimeException pending = new RuntimeException("pending");
        assertNull(AsyncCloseable.afterClose(r, null, null));
        assertSame(pending, AsyncCloseable.afterClose(r, pending, null));
        RuntimeException other = new RuntimeException("close");
        assertSame(other, AsyncCloseable.afterClose(r, null, other));
        ExceptionGroup folding = new ExceptionGroup("g", List.of(new ExceptionGroup("h", List.of(pending))));
        assertSame(folding, AsyncCloseable.afterClose(r, pending, folding));
        AsyncTimeoutException caused = new AsyncTimeoutException("t", pending);
        assertSame(caused, AsyncCloseable.afterClose(r, pending, caused));
        assertSame(pending, AsyncCloseable.afterClose(r, pending, pending));
        assertSame(pending, AsyncCloseable.afterClose(r, pending, other));
        assertEquals(List.of(other), List.of(pending.getSuppressed()));
        IllegalStateException e = assertThrows(IllegalStateException.class, r::close);
        assertTrue(e.getMessage().contains("try-with-resources of an @Async method"), e.getMessage());
    }
}
