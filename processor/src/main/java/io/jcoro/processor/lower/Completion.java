package io.jcoro.processor.lower;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.StatementTree;
import java.util.List;

/**
 * A conservative reading of JLS 14.22: may this statement fail to complete normally? "No" only
 * where that is certain; anything unsure answers "yes", which costs one extra state, never a
 * wrong program.
 */
final class Completion {
    private Completion() {}

    static boolean mayNotComplete(StatementTree statement) {
        return switch (statement.getKind()) {
            case EXPRESSION_STATEMENT, VARIABLE, EMPTY_STATEMENT -> false;
            case BLOCK -> {
                List<? extends StatementTree> statements = ((BlockTree) statement).getStatements();
                yield !statements.isEmpty() && mayNotComplete(statements.get(statements.size() - 1));
            }
            case IF -> {
                IfTree tree = (IfTree) statement;
                yield tree.getElseStatement() != null
                        && mayNotComplete(tree.getThenStatement())
                        && mayNotComplete(tree.getElseStatement());
            }
            case TRY -> {
                // JLS 14.22: a try can complete normally iff its block or a catch block can, and
                // its finally (if any) can
                com.sun.source.tree.TryTree tree = (com.sun.source.tree.TryTree) statement;
                boolean bodyCan = !mayNotComplete(tree.getBlock())
                        || tree.getCatches().stream().anyMatch(c -> !mayNotComplete(c.getBlock()));
                boolean finallyCan = tree.getFinallyBlock() == null || !mayNotComplete(tree.getFinallyBlock());
                yield !(bodyCan && finallyCan);
            }
            default -> true;
        };
    }
}
