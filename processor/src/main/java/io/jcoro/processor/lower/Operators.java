package io.jcoro.processor.lower;

import com.sun.source.tree.Tree;

/** The source spelling of compound assignment operators. */
final class Operators {
    private Operators() {}

    static String compound(Tree.Kind kind) {
        return switch (kind) {
            case PLUS_ASSIGNMENT -> "+=";
            case MINUS_ASSIGNMENT -> "-=";
            case MULTIPLY_ASSIGNMENT -> "*=";
            case DIVIDE_ASSIGNMENT -> "/=";
            case REMAINDER_ASSIGNMENT -> "%=";
            case AND_ASSIGNMENT -> "&=";
            case OR_ASSIGNMENT -> "|=";
            case XOR_ASSIGNMENT -> "^=";
            case LEFT_SHIFT_ASSIGNMENT -> "<<=";
            case RIGHT_SHIFT_ASSIGNMENT -> ">>=";
            case UNSIGNED_RIGHT_SHIFT_ASSIGNMENT -> ">>>=";
            default -> throw new IllegalArgumentException("not a compound assignment: " + kind);
        };
    }

    /** The binary operator of a compound assignment: {@code +} for {@code +=}. */
    static String binary(Tree.Kind kind) {
        String compound = compound(kind);
        return compound.substring(0, compound.length() - 1);
    }
}
