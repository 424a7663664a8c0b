package io.jcoro.bench.io.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestHeadsTest {
    private static final String GET = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void pipelinedRequestsInOneReadAreCountedInOrder() {
        RequestHeads heads = new RequestHeads();
        assertEquals(3, heads.add(bytes(GET + GET + GET)));
        assertFalse(heads.closeRequested());
    }

    @Test
    void aHeadCutAnywhereIsCountedOnceWhenItsEndArrives() {
        String two = GET + GET;
        for (int cut = 1; cut < two.length(); cut++) {
            RequestHeads heads = new RequestHeads();
            int first = heads.add(bytes(two.substring(0, cut)));
            int second = heads.add(bytes(two.substring(cut)));
            assertEquals(cut >= GET.length() ? 1 : 0, first, "cut at " + cut);
            assertEquals(2, first + second, "cut at " + cut);
        }
    }

    @Test
    void aHeadArrivingByteByByteIsCountedAtItsLastByte() {
        RequestHeads heads = new RequestHeads();
        byte[] all = bytes(GET);
        for (int i = 0; i < all.length - 1; i++) {
            assertEquals(0, heads.add(new byte[] {all[i]}), "byte " + i);
        }
        assertEquals(1, heads.add(new byte[] {all[all.length - 1]}));
    }

    @Test
    void connectionCloseEndsTheCountAndWhatFollowsIsIgnored() {
        RequestHeads heads = new RequestHeads();
        assertEquals(2, heads.add(bytes(GET + "GET / HTTP/1.1\r\nCONNECTION: Close\r\n\r\n" + GET)));
        assertTrue(heads.closeRequested());
        assertEquals(0, heads.add(bytes(GET)));
    }

    @Test
    void otherMethodsBodiesAndOverlongHeadsAreRefused() {
        assertEquals(RequestHeads.REFUSED, new RequestHeads().add(bytes("POST / HTTP/1.1\r\n\r\n")));
        assertEquals(RequestHeads.REFUSED, new RequestHeads().add(bytes("GET / HTTP/1.1\r\nContent-Length: 1\r\n\r\nx")));
        assertEquals(RequestHeads.REFUSED,
                new RequestHeads().add(bytes("GET / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")));
        assertEquals(RequestHeads.REFUSED, new RequestHeads().add(new byte[RequestHeads.MAX_HEAD + 1]));
    }
}
