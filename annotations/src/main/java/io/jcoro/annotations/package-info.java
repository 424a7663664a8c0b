/** The annotations of the jcoro DSL; see {@link io.jcoro.annotations.Async}. */
package io.jcoro.annotations;
