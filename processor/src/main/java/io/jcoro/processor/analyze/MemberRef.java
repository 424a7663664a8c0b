package io.jcoro.processor.analyze;

import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * A simple name in the body that resolves to a member or type outside the frame: inside the
 * generated frame class the same name could bind differently, so the emitter may qualify it.
 * The emitter chooses how to write the qualifier, in the scope where it writes it.
 *
 * @param target    the field, method, enum constant or type the name denotes
 * @param instance  true if the qualifier is the user's instance (the generated class's {@code this}),
 *                  false if it is the member's declaring type, or for a type, its own enclosing
 *                  type or package
 * @param method    true for a method name
 * @param qualifier true if the name itself qualifies another ({@code Type.member}): written as an
 *                  ambiguous name (JLS 6.5.2), which a variable of the same name would obscure
 * @param always    true if the name is visible only lexically in the user's source and so must
 *                  always be qualified; false if only a clash with a frame member requires it
 */
public record MemberRef(Element target, boolean instance, boolean method, boolean qualifier, boolean always) {

    /** A field, method or enum constant. */
    static MemberRef member(Element target, boolean instance, boolean always) {
        return new MemberRef(target, instance, target.getKind() == javax.lang.model.element.ElementKind.METHOD,
                true, always);
    }

    /** A type, written with its enclosing type or package. */
    static MemberRef type(TypeElement target, boolean qualifier) {
        return new MemberRef(target, false, false, qualifier, true);
    }

    public String name() {
        return target.getSimpleName().toString();
    }

    public boolean isType() {
        return target instanceof TypeElement;
    }
}
