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
 */
public record FrameLayout(List<VariableElement> fields, Map<VariableElement, String> names) {
    public FrameLayout {
        fields = List.copyOf(fields);
        names = Map.copyOf(names);
    }

    public boolean isField(VariableElement variable) {
        return names.containsKey(variable);
    }

    public String fieldName(VariableElement variable) {
        return names.get(variable);
    }
}
