package io.jcoro.processor.ir;

import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreeScanner;
import java.util.function.ToIntFunction;

/**
 * How much code javac adds to a kept statement's own text by copying its {@code finally} blocks:
 * javac inlines a finally block on the normal path, in the exception handler and before every
 * exit from its try and catch blocks, so nested try-finally statements with many exits compile
 * to several times their text. {@link StateSplitter} and {@code emit.ResumeMethods} count these
 * copies when they size a state.
 */
public final class FinallyCopies {
    private FinallyCopies() {}

    /** The extra characters: each finally block's length once per copy beyond the written one. */
    public static int extraLength(Tree statement, ToIntFunction<Tree> length) {
        int[] extra = {0};
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitTry(TryTree tree, Void unused) {
                if (tree.getFinallyBlock() != null) {
                    int exits = exits(tree.getBlock()) + tree.getCatches().stream().mapToInt(FinallyCopies::exits).sum();
                    // copies: the normal path and the exception handler (one is the text), and one per exit
                    extra[0] += length.applyAsInt(tree.getFinallyBlock()) * (1 + exits);
                }
                return super.visitTry(tree, unused);
            }
        }.scan(statement, null);
        return extra[0];
    }

    /** Statements that leave a block abruptly (counted wherever they are inside it). */
    private static int exits(Tree block) {
        int[] count = {0};
        new TreeScanner<Void, Void>() {
            @Override
            public Void scan(Tree tree, Void unused) {
                if (tree instanceof ReturnTree || tree instanceof BreakTree || tree instanceof ContinueTree
                        || tree instanceof ThrowTree || tree instanceof YieldTree) {
                    count[0]++;
                }
                return super.scan(tree, unused);
            }
        }.scan(block, null);
        return count[0];
    }
}
