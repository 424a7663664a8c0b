package io.jcoro.it.quickstart;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The project's README.md read as a user reads it: its fenced code blocks, in order. */
final class Readme {
    /** One fenced block: its language tag, its text, and the line it starts at (for messages). */
    record Block(String language, String text, int line) {}

    private final List<String> lines;

    private Readme(List<String> lines) {
        this.lines = lines;
    }

    static Readme of(Path root) throws IOException {
        return new Readme(Files.readAllLines(root.resolve("README.md")));
    }

    /** The first block tagged {@code language} below the line that equals {@code heading}. */
    Block blockAfter(String heading, String language) {
        int from = lines.indexOf(heading);
        if (from < 0) {
            fail("README.md has no line \"" + heading + "\"");
        }
        for (Block block : blocksFrom(from)) {
            if (block.language().equals(language)) {
                return block;
            }
        }
        return fail("README.md has no ```" + language + " block below \"" + heading + "\"");
    }

    /** The first block tagged {@code language} in the file. */
    Block first(String language) {
        return blockAfter(lines.get(0), language);
    }

    private List<Block> blocksFrom(int from) {
        List<Block> blocks = new ArrayList<>();
        for (int i = from; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.startsWith("```") || line.length() == 3) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            int start = i + 1;
            for (i = start; i < lines.size() && !lines.get(i).equals("```"); i++) {
                text.append(lines.get(i)).append('\n');
            }
            blocks.add(new Block(line.substring(3).trim(), text.toString(), start + 1));
        }
        return blocks;
    }
}
