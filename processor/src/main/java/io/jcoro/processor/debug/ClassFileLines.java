package io.jcoro.processor.debug;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntUnaryOperator;

/**
 * Reads and rewrites the debugging attributes of a class file (JVMS 4.7): {@code SourceFile},
 * each method's {@code LineNumberTable} and {@code SourceDebugExtension}. Everything else is
 * copied byte for byte: the constant pool only grows by the entries the new attributes name, so
 * no index the code uses moves. A malformed file throws {@link IllegalArgumentException}.
 */
public final class ClassFileLines {
    static final int MAGIC = 0xCAFEBABE;
    static final int UTF8 = 1;
    private static final String SOURCE_FILE = "SourceFile";
    private static final String SOURCE_DEBUG_EXTENSION = "SourceDebugExtension";
    private static final String CODE = "Code";
    private static final String LINE_NUMBER_TABLE = "LineNumberTable";

    private ClassFileLines() {}

    /** What a class file says about its source: its file name, each method's line entries, its SMAP. */
    public record Lines(String sourceFile, Map<String, List<Entry>> methods, String debugExtension) {}

    /** One {@code LineNumberTable} entry: the code from {@code startPc} on is at {@code line}. */
    public record Entry(int startPc, int line) {}

    /** The debugging attributes of {@code classFile}; methods keyed by name and descriptor. */
    public static Lines read(byte[] classFile) {
        Parsed parsed = parse(classFile);
        Map<String, List<Entry>> methods = new LinkedHashMap<>();
        String[] sourceFile = {null};
        String[] extension = {null};
        ByteBuffer in = parsed.afterPool();
        skipMembers(in, parsed); // fields
        int methodCount = in.getShort() & 0xFFFF;
        for (int m = 0; m < methodCount; m++) {
            in.getShort();
            String name = parsed.utf8(in.getShort() & 0xFFFF);
            String descriptor = parsed.utf8(in.getShort() & 0xFFFF);
            List<Entry> entries = new ArrayList<>();
            forEachAttribute(in, parsed, (attribute, body) -> {
                if (attribute.equals(CODE)) {
                    forEachCodeAttribute(body, parsed, (inner, table) -> {
                        if (inner.equals(LINE_NUMBER_TABLE)) {
                            entries.addAll(entries(table));
                        }
                    });
                }
            });
            methods.put(name + descriptor, entries);
        }
        forEachAttribute(in, parsed, (attribute, body) -> {
            if (attribute.equals(SOURCE_FILE)) {
                sourceFile[0] = parsed.utf8(body.getShort() & 0xFFFF);
            } else if (attribute.equals(SOURCE_DEBUG_EXTENSION)) {
                byte[] bytes = new byte[body.remaining()];
                body.get(bytes);
                extension[0] = new String(bytes, StandardCharsets.UTF_8);
            }
        });
        return new Lines(sourceFile[0], methods, extension[0]);
    }

    /**
     * {@code classFile} with {@code SourceFile} naming {@code sourceFile}, every line entry at
     * {@code lines.applyAsInt(line)} (an entry mapped to 0 or less, or to the line of the entry
     * before it, is dropped: its code counts as part of the entry before it) and, if {@code debugExtension} is not null, that
     * {@code SourceDebugExtension}.
     */
    public static byte[] rewrite(byte[] classFile, String sourceFile, IntUnaryOperator lines, String debugExtension) {
        Parsed parsed = parse(classFile);
        Pool pool = new Pool(parsed);
        int sourceFileName = pool.utf8(SOURCE_FILE);
        int sourceFileValue = pool.utf8(sourceFile);
        int extensionName = debugExtension == null ? 0 : pool.utf8(SOURCE_DEBUG_EXTENSION);
        ByteBuffer in = parsed.afterPool();
        ByteArrayOutputStream members = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(members);
        try {
            int fieldsStart = in.position();
            skipMembers(in, parsed);
            out.write(classFile, fieldsStart, in.position() - fieldsStart);
            int methodCount = in.getShort() & 0xFFFF;
            out.writeShort(methodCount);
            for (int m = 0; m < methodCount; m++) {
                out.writeShort(in.getShort());
                out.writeShort(in.getShort());
                out.writeShort(in.getShort());
                int count = in.getShort() & 0xFFFF;
                out.writeShort(count);
                for (int a = 0; a < count; a++) {
                    int name = in.getShort() & 0xFFFF;
                    ByteBuffer body = slice(in, in.getInt());
                    byte[] bytes = parsed.utf8(name).equals(CODE) ? code(body, parsed, lines) : remaining(body);
                    out.writeShort(name);
                    out.writeInt(bytes.length);
                    out.write(bytes);
                }
            }
            int count = in.getShort() & 0xFFFF;
            List<byte[]> kept = new ArrayList<>();
            for (int a = 0; a < count; a++) {
                int start = in.position();
                String name = parsed.utf8(in.getShort() & 0xFFFF);
                slice(in, in.getInt());
                if (!name.equals(SOURCE_FILE) && !name.equals(SOURCE_DEBUG_EXTENSION)) {
                    byte[] attribute = new byte[in.position() - start];
                    System.arraycopy(classFile, start, attribute, 0, attribute.length);
                    kept.add(attribute);
                }
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException("bytes after the class file's attributes");
            }
            byte[] extension = debugExtension == null ? null : debugExtension.getBytes(StandardCharsets.UTF_8);
            out.writeShort(kept.size() + 1 + (extension == null ? 0 : 1));
            for (byte[] attribute : kept) {
                out.write(attribute);
            }
            out.writeShort(sourceFileName);
            out.writeInt(2);
            out.writeShort(sourceFileValue);
            if (extension != null) {
                out.writeShort(extensionName);
                out.writeInt(extension.length);
                out.write(extension);
            }
            ByteArrayOutputStream whole = new ByteArrayOutputStream(classFile.length + 256);
            whole.write(classFile, 0, 8);
            pool.writeTo(new DataOutputStream(whole));
            whole.write(classFile, parsed.poolEnd(), parsed.membersStart() - parsed.poolEnd());
            members.writeTo(whole);
            return whole.toByteArray();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // in-memory streams
        }
    }

    /** A {@code Code} attribute's body with its line tables mapped. */
    private static byte[] code(ByteBuffer body, Parsed parsed, IntUnaryOperator lines) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.remaining());
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeShort(body.getShort()); // max_stack
        out.writeShort(body.getShort()); // max_locals
        int codeLength = body.getInt();
        out.writeInt(codeLength);
        out.write(remaining(slice(body, codeLength)));
        int handlers = body.getShort() & 0xFFFF;
        out.writeShort(handlers);
        out.write(remaining(slice(body, handlers * 8)));
        int count = body.getShort() & 0xFFFF;
        out.writeShort(count);
        for (int a = 0; a < count; a++) {
            int name = body.getShort() & 0xFFFF;
            ByteBuffer attribute = slice(body, body.getInt());
            out.writeShort(name);
            if (parsed.utf8(name).equals(LINE_NUMBER_TABLE)) {
                List<Entry> mapped = new ArrayList<>();
                for (Entry entry : entries(attribute)) {
                    int line = lines.applyAsInt(entry.line());
                    if (line > 0 && (mapped.isEmpty() || mapped.get(mapped.size() - 1).line() != line)) {
                        mapped.add(new Entry(entry.startPc(), line));
                    }
                }
                out.writeInt(2 + 4 * mapped.size());
                out.writeShort(mapped.size());
                for (Entry entry : mapped) {
                    out.writeShort(entry.startPc());
                    out.writeShort(entry.line());
                }
            } else {
                out.writeInt(attribute.remaining());
                out.write(remaining(attribute));
            }
        }
        if (body.hasRemaining()) {
            throw new IllegalArgumentException("bytes after a Code attribute's attributes");
        }
        return bytes.toByteArray();
    }

    private static List<Entry> entries(ByteBuffer table) {
        int count = table.getShort() & 0xFFFF;
        List<Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(new Entry(table.getShort() & 0xFFFF, table.getShort() & 0xFFFF));
        }
        return entries;
    }

    private interface AttributeVisitor {
        void visit(String name, ByteBuffer body);
    }

    private static void forEachAttribute(ByteBuffer in, Parsed parsed, AttributeVisitor visitor) {
        int count = in.getShort() & 0xFFFF;
        for (int a = 0; a < count; a++) {
            String name = parsed.utf8(in.getShort() & 0xFFFF);
            visitor.visit(name, slice(in, in.getInt()));
        }
    }

    private static void forEachCodeAttribute(ByteBuffer code, Parsed parsed, AttributeVisitor visitor) {
        code.position(code.position() + 4);
        int codeLength = code.getInt();
        slice(code, codeLength);
        slice(code, (code.getShort() & 0xFFFF) * 8);
        forEachAttribute(code, parsed, visitor);
    }

    /** Skips the fields (the table before the methods), leaving {@code in} at the methods count. */
    private static void skipMembers(ByteBuffer in, Parsed parsed) {
        int count = in.getShort() & 0xFFFF;
        for (int f = 0; f < count; f++) {
            in.position(in.position() + 6);
            forEachAttribute(in, parsed, (name, body) -> { });
        }
    }

    /** The next {@code length} bytes of {@code in} as a buffer of their own; {@code in} moves past them. */
    private static ByteBuffer slice(ByteBuffer in, int length) {
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("an attribute runs past its end");
        }
        ByteBuffer part = in.slice();
        part.limit(length);
        in.position(in.position() + length);
        return part;
    }

    private static byte[] remaining(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static Parsed parse(byte[] classFile) {
        try {
            ByteBuffer in = ByteBuffer.wrap(classFile);
            if (in.getInt() != MAGIC) {
                throw new IllegalArgumentException("not a class file");
            }
            in.getInt(); // minor, major
            int count = in.getShort() & 0xFFFF;
            String[] utf8 = new String[count];
            for (int i = 1; i < count; i++) {
                int tag = in.get();
                if (tag == UTF8) {
                    int length = in.getShort() & 0xFFFF;
                    utf8[i] = modifiedUtf8(classFile, in.position() - 2, length);
                    in.position(in.position() + length);
                } else {
                    i += skipConstant(in, tag, i) - 1;
                }
            }
            int poolEnd = in.position();
            in.position(poolEnd + 6); // access, this, super
            int interfaces = in.getShort() & 0xFFFF;
            in.position(in.position() + 2 * interfaces);
            return new Parsed(classFile, utf8, poolEnd, in.position());
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException truncated) {
            throw new IllegalArgumentException("truncated class file", truncated);
        }
    }

    /**
     * Moves {@code in} past the body of the constant of tag {@code tag} other than UTF-8, at entry
     * {@code index}; returns the number of entries it takes (2 for a long or double).
     */
    static int skipConstant(ByteBuffer in, int tag, int index) {
        switch (tag) {
            case 3, 4, 9, 10, 11, 12, 17, 18 -> in.position(in.position() + 4);
            case 5, 6 -> {
                in.position(in.position() + 8);
                return 2;
            }
            case 7, 8, 16, 19, 20 -> in.position(in.position() + 2);
            case 15 -> in.position(in.position() + 3);
            default -> throw new IllegalArgumentException("constant pool tag " + tag + " at entry " + index);
        }
        return 1;
    }

    /** The modified UTF-8 string (JVMS 4.4.7) of {@code length} bytes after its length at {@code at}. */
    static String modifiedUtf8(byte[] bytes, int at, int length) {
        int start = at + 2;
        if (start + length <= bytes.length && isAscii(bytes, start, length)) {
            // nearly every constant javac writes: one byte per char, decoded without a stream
            return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        }
        try {
            return new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes, at, length + 2)).readUTF();
        } catch (IOException malformed) {
            throw new IllegalArgumentException("malformed UTF-8 constant", malformed);
        }
    }

    /** Whether the bytes are all below 0x80, each then a char of its own in modified UTF-8 too. */
    private static boolean isAscii(byte[] bytes, int start, int length) {
        for (int i = start, end = start + length; i < end; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** The constant pool's UTF-8 entries, and where the pool and the member tables start. */
    private record Parsed(byte[] bytes, String[] utf8s, int poolEnd, int membersStart) {
        String utf8(int index) {
            if (index <= 0 || index >= utf8s.length || utf8s[index] == null) {
                throw new IllegalArgumentException("constant pool entry " + index + " is not UTF-8");
            }
            return utf8s[index];
        }

        ByteBuffer afterPool() {
            return ByteBuffer.wrap(bytes).position(membersStart);
        }
    }

    /** The constant pool, extended by the UTF-8 entries that it lacks. */
    private static final class Pool {
        private final Parsed parsed;
        private final List<String> added = new ArrayList<>();

        Pool(Parsed parsed) {
            this.parsed = parsed;
        }

        int utf8(String value) {
            for (int i = 1; i < parsed.utf8s().length; i++) {
                if (value.equals(parsed.utf8s()[i])) {
                    return i;
                }
            }
            int at = added.indexOf(value);
            if (at < 0) {
                added.add(value);
                at = added.size() - 1;
            }
            int index = parsed.utf8s().length + at;
            if (index > 0xFFFF) {
                throw new IllegalArgumentException("the constant pool is full");
            }
            return index;
        }

        void writeTo(DataOutputStream out) throws IOException {
            out.writeShort(parsed.utf8s().length + added.size());
            out.write(parsed.bytes(), 10, parsed.poolEnd() - 10);
            for (String value : added) {
                out.writeByte(1);
                out.writeUTF(value); // modified UTF-8, as the class file format has it
            }
        }
    }
}
