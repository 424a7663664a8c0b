package io.jcoro.processor.analyze;

import java.util.Set;

/**
 * The simple names an {@code @Async} body declares, at any depth (locals, parameters, lambda
 * parameters, local classes and their members, type parameters): in the frame, each may shadow
 * or obscure (JLS 6.4.1, 6.4.2) a name the generated code writes.
 *
 * @param types     classes, interfaces, records, enums and type parameters
 * @param variables variables of every kind
 */
public record DeclaredNames(Set<String> types, Set<String> variables) {}
