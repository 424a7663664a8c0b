package io.jcoro.processor.validate;

import io.jcoro.processor.diag.DiagnosticCode;
import io.jcoro.processor.diag.Diagnostics;
import io.jcoro.processor.emit.GeneratedNames;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Validate: a sealed type with {@code @Async} methods must permit the class generated for it.
 * That class has a file of its own, and a sealed type permits a class of another file only if
 * its {@code permits} clause names it (JLS 8.1.6; without a clause, only the classes of its own
 * file are permitted). The user cannot guess the name, so the error gives the clause to write.
 * Once listed, the generated class is declared {@code final} (see {@code CoroutinesClassEmitter}).
 */
final class SealedHostValidator {
    private final Diagnostics diagnostics;

    SealedHostValidator(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** Reports JCORO-E032 on {@code host} if it is sealed and does not permit its generated class. */
    void validate(TypeElement host) {
        if (!host.getModifiers().contains(Modifier.SEALED)) {
            return;
        }
        Element outermost = host;
        while (!(outermost instanceof PackageElement)) {
            outermost = outermost.getEnclosingElement();
        }
        String packageName = ((PackageElement) outermost).getQualifiedName().toString();
        String generated = GeneratedNames.generatedSimpleName(host);
        List<String> permits = new ArrayList<>();
        for (TypeMirror permitted : host.getPermittedSubclasses()) {
            // before the generated class exists (the first round) its name is an unresolved type
            String name = relativeName(permitted, packageName);
            if (name.equals(generated)) {
                return;
            }
            permits.add(name);
        }
        permits.add(generated);
        diagnostics.report(DiagnosticCode.SEALED_WITHOUT_GENERATED, host, host.getQualifiedName(), generated,
                String.join(", ", permits));
    }

    /**
     * A permitted subclass as a permits clause in {@code packageName} can name it:
     * {@code Circle}, {@code Shape.Square}, {@code other.Circle}; an unresolved one as written.
     */
    private static String relativeName(TypeMirror permitted, String packageName) {
        String name = ((TypeElement) ((DeclaredType) permitted).asElement()).getQualifiedName().toString();
        return !packageName.isEmpty() && name.startsWith(packageName + ".") ? name.substring(packageName.length() + 1) : name;
    }
}
