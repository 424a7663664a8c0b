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
 *   if $t == true goto L7    JumpIfTemp   the branch of a spilled && / ||
 *   spill $t = e             Spill    $t = e;  (an operand Java evaluates before an await)
 *   emit  v -> L4            Emit     return $emit(v, 4);  (an async generator's item)
 *   iter-init / iter-next    IterInit, IterNext   an enhanced for over an array or Iterable
 *   await-next $g -> L4      AwaitNext    if ($await($g.next(), 4)) return $SUSPENDED;  (async for)
 *   take-next x else goto L9 TakeNext     if ($ended()) goto L9; x = (T) $value();
 *   switch $t {A -> L3, ...} SwitchJump   the dispatch of an exploded switch
 *   switch-pattern $t {[String s] when g -> L3, ..., else -> L5}   SwitchJump   the same over
 *                                     Java 21 labels: a pattern switch that binds their variables
 *   fail-match               FailMatch    throw new MatchException(null, null);
 *   catch-dispatch E -> L5   CatchDispatch   the handler state of an exploded try
 *   take-caught e            TakeCaught   e = (E) $caught;
 *   enter-finally / end-finally   EnterFinally, EndFinally   pending completions (see Finally)
 *   close-sync / close-async / after-close   the resources of a try-with-resources
 * </pre>
 *
 * <p>A state after {@code Mark} may carry {@code (on exception: Ln)}: the handler state an
 * exception thrown in it goes to (the frame's {@code $HANDLERS} table).
 *
 * <p>Labels are resolved to dense state numbers by {@link io.jcoro.processor.ir.StateAssigner};
 * state 0 is the body's entry. Only {@code Mark} starts a state, so every other op runs in the
 * state of the last {@code Mark} before it.
 */
package io.jcoro.processor.ir;
