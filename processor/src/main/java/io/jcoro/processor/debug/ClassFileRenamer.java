package io.jcoro.processor.debug;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Renames classes inside a class file by rewriting its constant pool's UTF-8 entries (JVMS 4.4.7):
 * in each, the internal-name prefix {@code from} becomes {@code to} where it starts the string
 * (a {@code CONSTANT_Class} name, an attribute's class name) or follows the {@code L} of a class
 * type in a descriptor or signature ({@code (Lp/A$$B;)V}, {@code [Lp/A$$B;}). Entries keep their
 * indices, so everything after the pool is copied byte for byte. A string literal that spells
 * such a name is renamed too: it shares its entry with the class name, as javac writes it.
 * A malformed file throws {@link IllegalArgumentException}.
 */
public final class ClassFileRenamer {
    /** The characters that can come right before the {@code L} of a class type in a descriptor or signature. */
    private static final String BEFORE_CLASS_TYPE = "([);<:^+-";

    private ClassFileRenamer() {}

    /** {@code classFile} with the prefix {@code from} renamed {@code to}; the same array if no entry has it. */
    public static byte[] rename(byte[] classFile, String from, String to) {
        try {
            ByteBuffer in = ByteBuffer.wrap(classFile);
            if (in.getInt() != ClassFileLines.MAGIC) {
                throw new IllegalArgumentException("not a class file");
            }
            in.getInt(); // minor, major
            int count = in.getShort() & 0xFFFF;
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(classFile.length + 256);
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(classFile, 0, 10);
            boolean renamed = false;
            for (int i = 1; i < count; i++) {
                int start = in.position();
                int tag = in.get();
                if (tag == ClassFileLines.UTF8) {
                    int length = in.getShort() & 0xFFFF;
                    String value = ClassFileLines.modifiedUtf8(classFile, start + 1, length);
                    in.position(in.position() + length);
                    String renaming = rename(value, from, to);
                    if (!renaming.equals(value)) {
                        renamed = true;
                        out.writeByte(tag);
                        out.writeUTF(renaming); // modified UTF-8, as the class file format has it
                        continue;
                    }
                } else {
                    i += ClassFileLines.skipConstant(in, tag, i) - 1;
                }
                out.write(classFile, start, in.position() - start);
            }
            if (!renamed) {
                return classFile;
            }
            out.write(classFile, in.position(), classFile.length - in.position());
            return bytes.toByteArray();
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException truncated) {
            throw new IllegalArgumentException("truncated class file", truncated);
        } catch (IOException tooLong) {
            throw new UncheckedIOException(tooLong); // a renamed entry past 65535 bytes
        }
    }

    /** {@code value} with each occurrence of {@code from} at its start or after a class type's {@code L} renamed. */
    static String rename(String value, String from, String to) {
        StringBuilder renamed = null;
        int copied = 0;
        for (int at = value.indexOf(from); at >= 0; at = value.indexOf(from, at + from.length())) {
            if (at == 0 || value.charAt(at - 1) == 'L' && (at == 1 || BEFORE_CLASS_TYPE.indexOf(value.charAt(at - 2)) >= 0)) {
                if (renamed == null) {
                    renamed = new StringBuilder(value.length() + to.length() - from.length());
                }
                renamed.append(value, copied, at).append(to);
                copied = at + from.length();
            }
        }
        return renamed == null ? value : renamed.append(value, copied, value.length()).toString();
    }
}
