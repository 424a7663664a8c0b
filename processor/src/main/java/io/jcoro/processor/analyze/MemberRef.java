package io.jcoro.processor.analyze;

/**
 * A simple name in the body that resolves to a member outside the frame: inside the generated
 * frame class the same name could bind differently, so the emitter may prefix it.
 *
 * @param qualifier what to put before the name ({@code "UsersCoroutines.this"} or a type's
 *                  canonical name)
 * @param name      the simple name
 * @param method    true for a method name, false for a field or type name
 * @param always    true if the name is visible only lexically in the user's source and so must
 *                  always be qualified; false if only a clash with a frame member requires it
 */
public record MemberRef(String qualifier, String name, boolean method, boolean always) {}
