package io.jcoro.processor.ir;

import java.util.List;
import java.util.Map;
import javax.lang.model.element.VariableElement;

/**
 * Which variables of a body become fields of its frame, and under which names.
 *
 * @param fields the frame's fields in a fixed order: parameters first, then hoisted locals in
 *               declaration order
 * @param names  the field name of each hoisted variable (the source name unless two variables
 *               of the body share it)
 * @param temps  the temps that live in more than one state, so are fields too; the other temps
 *               are Java locals of the state that assigns them
 */
public record FrameLayout(List<VariableElement> fields, Map<VariableElement, String> names, java.util.Set<Temp> temps) {
    public FrameLayout {
        fields = List.copyOf(fields);
        names = Map.copyOf(names);
        temps = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(temps));
    }

    public boolean isField(Temp temp) {
        return temps.contains(temp);
    }

    public boolean isField(VariableElement variable) {
        return names.containsKey(variable);
    }

    public String fieldName(VariableElement variable) {
        return names.get(variable);
    }
}
