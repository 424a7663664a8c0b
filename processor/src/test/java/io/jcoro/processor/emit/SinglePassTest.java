package io.jcoro.processor.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.SinglePass;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import javax.lang.model.element.Modifier;
import org.junit.jupiter.api.Test;

/**
 * A generated file is formatted once ({@link SinglePass}), and must read exactly as JavaPoet's own
 * two passes write it; a state's block, formatted once, is measured as {@link CodeBlock#toString()}
 * measures it. The goldens pin whole files; these pin the pieces, on what the goldens lack.
 */
class SinglePassTest {
    private static final String MARK = LineMarks.open("Sample.java", 12);

    /** A state's code: nested levels, a statement over several lines, marks, a blank line in the user's text. */
    private static CodeBlock block() {
        return CodeBlock.builder()
                .add("$L\n", MARK)
                .addStatement("$$label = $L", 3)
                .beginControlFlow("if ($$r != $$DISPATCH)")
                .addStatement("int x = $L", "foo(\n    1,\n\n        2)")
                .beginControlFlow("for (;;)")
                .add("$L\n", LineMarks.startingAt(14, "bar(\"a\\n\"\n  + \"b\");"))
                .endControlFlow()
                .endControlFlow()
                .addStatement("return $S", "line\nnext")
                .add("$L\n", LineMarks.close())
                .build();
    }

    @Test
    void aBlockIsMeasuredAsJavaPoetWritesIt() {
        SinglePass.Block formatted = SinglePass.format(block(), "    ");
        assertEquals(block().toString(), formatted.defaultIndented());
    }

    @Test
    void aFormattedBlockReadsInTheFileAsTheBlockItself() {
        TypeSpec inline = type(CodeBlock.builder().add("case 3: {\n").indent().add(block()).unindent().add("}\n").build());
        TypeSpec formatted = type(CodeBlock.builder().add("case 3: {\n").indent()
                .add("$L", SinglePass.format(block(), "    ").text()).unindent().add("}\n").build());
        assertEquals(twoPasses(inline), twoPasses(formatted));
    }

    @Test
    void aFileIsWrittenAsJavaPoetsTwoPassesWriteIt() {
        TypeSpec type = type(block());
        CodeBlock comment = CodeBlock.of("Generated from $L. Do not edit.", "Sample.java");
        assertEquals(twoPasses(type), SinglePass.javaFile("p", comment, type, "    "));
        assertEquals(JavaFile.builder("", type).addFileComment("$L", comment).indent("    ").build().toString(),
                SinglePass.javaFile("", comment, type, "    "));
    }

    @Test
    void aFileWithAnImportIsLeftToJavaPoet() {
        TypeSpec type = TypeSpec.classBuilder("Sample")
                .addField(ClassName.get("java.util", "List"), "list", Modifier.PRIVATE)
                .build();
        assertNull(SinglePass.javaFile("p", CodeBlock.of(""), type, "    "));
    }

    @Test
    void theUnmarkedLengthIsThatOfTheStrippedText() {
        String text = SinglePass.format(block(), "    ").text();
        for (String each : List.of(text, "", "\n", "a", "a\n\nb", MARK, MARK + "\n", "x\n" + MARK, text + text.strip())) {
            assertEquals(LineMarks.strip(each, "", "").text().length(), LineMarks.unmarkedLength(each), each);
        }
    }

    private static TypeSpec type(CodeBlock body) {
        return TypeSpec.classBuilder("Sample")
                .addType(TypeSpec.classBuilder("$Frame")
                        .addMethod(MethodSpec.methodBuilder("$resume").addModifiers(Modifier.PROTECTED).addCode(body).build())
                        .build())
                .build();
    }

    private static String twoPasses(TypeSpec type) {
        return JavaFile.builder("p", type).addFileComment("Generated from $L. Do not edit.", "Sample.java")
                .indent("    ").build().toString();
    }
}
