/**
 * The lowering's intermediate representation: a flat list of {@link io.jcoro.processor.ir.Op}s
 * per {@code @Async} method, with symbolic {@link io.jcoro.processor.ir.Label}s.
 *
 * <h2>Notation ({@link io.jcoro.processor.ir.IrPrinter})</h2>
 *
 * <pre>
 *   L3:                      Mark     a state begins; reached by fall-through or by a jump
 *   code  x++;               Code     a statement of the body, copied with its names rewritten;
 *                                     it contains no suspension
 *   await fetch(id) -> L4    Suspend  if ($await(fetch(id), 4)) return $SUSPENDED;
 *                                     always followed by Mark L4 and one Take
 *   take  decl user          Take     reads the awaited value ($value()) into its use:
 *                                     discard | decl v | assign v | v op= | return | unless -> L
 *   goto  L7                 Jump     $label = 7; continue;
 *   unless (c) goto L7       JumpUnless   if (!(c)) { $label = 7; continue; }
 * </pre>
 *
 * <p>Labels are resolved to dense state numbers by {@link io.jcoro.processor.ir.StateAssigner};
 * state 0 is the body's entry. Only {@code Mark} starts a state, so every other op runs in the
 * state of the last {@code Mark} before it.
 */
package io.jcoro.processor.ir;
