package io.jcoro.processor.analyze;

import com.sun.source.tree.Tree;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.VariableElement;

/**
 * What {@link BodyScanner} found in one {@code @Async} body, read-only for the passes after it.
 *
 * @param awaits     the {@code await(...)} calls
 * @param dones      the {@code done(...)} calls
 * @param emits      the {@code emit(...)} calls (in an async generator)
 * @param eachLoops  the enhanced {@code for} loops over {@code each(generator)} (async for)
 * @param suspending every statement and expression that contains an {@code await}
 * @param members    simple names that resolve to members outside the frame
 * @param thisRefs   {@code this} and {@code Type.this} expressions meaning the user's instance
 * @param localRefs  every identifier and declaration of a local variable or parameter of the
 *                   method (lambda and nested-class locals excluded), with its variable
 * @param locals     the method's own locals in declaration order (parameters first)
 * @param usesInstance the body may reach the user's instance (or the generated class is generic):
 *                   false only if nothing in it can, so that its frame can be a static class,
 *                   which neither keeps the instance alive nor spends a field on it
 * @param localTypes every declaration ({@code ClassTree}) and simple name of a class, record, enum
 *                   or interface declared in the body, with its type
 * @param declared   the names the body declares, which may capture a name in generated code
 */
public record BodyFacts(
        Set<Tree> awaits,
        Set<Tree> dones,
        Set<Tree> emits,
        Set<Tree> eachLoops,
        Set<Tree> suspending,
        Map<Tree, MemberRef> members,
        Set<Tree> thisRefs,
        Map<Tree, VariableElement> localRefs,
        List<VariableElement> locals,
        boolean usesInstance,
        Map<Tree, javax.lang.model.element.TypeElement> localTypes,
        DeclaredNames declared) {

    public boolean suspends(Tree tree) {
        return suspending.contains(tree);
    }

    public boolean isAwait(Tree tree) {
        return awaits.contains(tree);
    }

    public boolean isDone(Tree tree) {
        return dones.contains(tree);
    }

    public boolean isEmit(Tree tree) {
        return emits.contains(tree);
    }
}
