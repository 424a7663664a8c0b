package io.jcoro.processor;

import io.jcoro.processor.attribute.Attribution;
import io.jcoro.processor.diag.Diagnostics;
import javax.annotation.processing.Filer;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The compiler services the passes use, gathered once per processor.
 *
 * @param dumpIr {@code -Ajcoro.dumpIr}: print each method's IR as a note (for debugging the lowering)
 * @param lines the rewriter of the generated classes' lines, or null under a compiler without it
 * @param partBudget {@code -Ajcoro.partBudget=n}: the generated characters per part of a split
 *     {@code $resume} (for testing the split on small bodies; see {@code ResumeMethods})
 */
record ProcessorContext(Elements elements, Types types, Filer filer, Attribution attribution, Diagnostics diagnostics,
        javax.annotation.processing.Messager messager, boolean dumpIr, int partBudget,
        io.jcoro.processor.debug.UserLineRewriter lines) {}
