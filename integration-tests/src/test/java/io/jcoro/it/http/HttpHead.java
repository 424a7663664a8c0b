package io.jcoro.it.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpVersion;
import org.apache.hc.core5.http.ParseException;
import org.apache.hc.core5.http.ProtocolVersion;
import org.apache.hc.core5.http.message.BasicLineParser;
import org.apache.hc.core5.http.message.RequestLine;
import org.apache.hc.core5.http.message.StatusLine;
import org.apache.hc.core5.util.CharArrayBuffer;

/**
 * The head of one HTTP/1.1 message (start line and header fields, up to the empty line), as the
 * example server and client read it with {@code readUntil(HttpHead.END)}.
 *
 * <p>The start line and each field line are parsed by Apache HttpCore's {@link BasicLineParser}:
 * a well-kept parser that is a pure function over a character buffer, with no thread and no I/O
 * of its own, so the bytes come from jcoro streams and nothing else runs beside the loop. What
 * HttpCore's blocking and NIO parsers would add (reading, buffering, body framing) is the part
 * jcoro's {@code StreamReader} does here. What is checked on top: no obsolete line folding
 * (RFC 9112 §5.2 lets a server reject it), and a {@code Content-Length} that is a single
 * non-negative number. Bodies are framed by {@code Content-Length} only: the example server
 * answers a request that carries {@code Transfer-Encoding} with 501 (RFC 9112 §6.1), and the
 * example client refuses such a response, since neither peer of the example sends one.
 *
 * @param requestLine a request's start line, or null in a response
 * @param statusLine a response's start line, or null in a request
 * @param fields the header fields in the order received
 */
record HttpHead(RequestLine requestLine, StatusLine statusLine, List<Header> fields) {
    /** The empty line that ends a head. */
    static final byte[] END = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    /** Parses a request head; {@code head} ends with {@link #END}. */
    static HttpHead request(byte[] head) throws ParseException {
        List<CharArrayBuffer> lines = lines(head);
        return new HttpHead(BasicLineParser.INSTANCE.parseRequestLine(lines.get(0)), null, fields(lines));
    }

    /** Parses a response head; {@code head} ends with {@link #END}. */
    static HttpHead response(byte[] head) throws ParseException {
        List<CharArrayBuffer> lines = lines(head);
        return new HttpHead(null, BasicLineParser.INSTANCE.parseStatusLine(lines.get(0)), fields(lines));
    }

    /** The message's protocol version. */
    ProtocolVersion version() {
        return requestLine != null ? requestLine.getProtocolVersion() : statusLine.getProtocolVersion();
    }

    /** The first value of field {@code name} (names are compared without case), or null. */
    String field(String name) {
        for (Header h : fields) {
            if (h.getName().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /** The body's length: 0 without {@code Content-Length}; at most 9 digits (under 1 GB, an int). */
    int contentLength() throws ParseException {
        String value = field("Content-Length");
        if (value == null) {
            return 0;
        }
        if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ParseException("Invalid Content-Length: " + value);
        }
        return Integer.parseInt(value);
    }

    /** Whether the connection ends after this message: {@code Connection: close}, or HTTP/1.0 without keep-alive. */
    boolean closesConnection() {
        String connection = field("Connection");
        String tokens = connection == null ? "" : "," + connection.toLowerCase(Locale.ROOT).replace(" ", "") + ",";
        if (tokens.contains(",close,")) {
            return true;
        }
        return version().lessEquals(HttpVersion.HTTP_1_0) && !tokens.contains(",keep-alive,");
    }

    private static List<CharArrayBuffer> lines(byte[] head) throws ParseException {
        String text = new String(head, 0, head.length - END.length, StandardCharsets.ISO_8859_1);
        List<CharArrayBuffer> lines = new ArrayList<>();
        for (String line : text.split("\r\n", -1)) {
            CharArrayBuffer buffer = new CharArrayBuffer(line.length());
            buffer.append(line);
            lines.add(buffer);
        }
        if (lines.get(0).isEmpty()) {
            throw new ParseException("Empty start line");
        }
        return lines;
    }

    private static List<Header> fields(List<CharArrayBuffer> lines) throws ParseException {
        List<Header> fields = new ArrayList<>();
        for (CharArrayBuffer line : lines.subList(1, lines.size())) {
            if (line.isEmpty() || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                throw new ParseException("Obsolete line folding or empty field line", line, 0, line.length(), 0);
            }
            fields.add(BasicLineParser.INSTANCE.parseHeader(line));
        }
        return fields;
    }
}
