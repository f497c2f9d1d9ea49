package io.tradingstack.arch;

import io.temporal.common.metadata.POJOWorkflowImplMetadata;
import io.temporal.common.metadata.POJOWorkflowMethodMetadata;
import io.tradingstack.app.WorkflowRegistry;
import io.tradingstack.bus.DurableNames;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link DurableNames} is the one place durable names are spelled: every workflow type, signal,
 * query and update name Temporal derives from the registered workflows is one of its constants,
 * every annotation names its constant, and no other source spells a workflow type, a singleton id
 * or a signal/query name that is not also an MCP tool's name.
 */
class DurableNamesTest {
    private static final Pattern ANNOTATION = Pattern.compile("@(WorkflowMethod|SignalMethod|QueryMethod|UpdateMethod)\\b(\\s*\\(([^)]*)\\))?");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\n]++|\\\\.)*+)\"");
    private static final Pattern TOOL = Pattern.compile("ToolSpec\\.of\\(\\s*\"([a-z_]+)\"");
    private static final Path REGISTRY = Path.of("src/main/java/io/tradingstack/bus/DurableNames.java");

    @Test
    void everyNameTemporalSeesIsInTheRegistry() throws Exception {
        Set<String> registry = registryValues();
        List<String> missing = new ArrayList<>();
        for (Class<?> impl : WorkflowRegistry.WORKFLOWS) {
            POJOWorkflowImplMetadata metadata = POJOWorkflowImplMetadata.newInstance(impl);
            List<POJOWorkflowMethodMetadata> methods = new ArrayList<>(metadata.getWorkflowMethods());
            methods.addAll(metadata.getSignalMethods());
            methods.addAll(metadata.getQueryMethods());
            methods.addAll(metadata.getUpdateMethods());
            for (POJOWorkflowMethodMetadata m : methods) {
                if (!registry.contains(m.getName())) {
                    missing.add(impl.getSimpleName() + ": " + m.getType() + " " + m.getName());
                }
            }
        }
        assertEquals(List.of(), missing, "names Temporal uses that DurableNames does not hold");
    }

    @Test
    void annotationsNameTheirConstant() throws IOException {
        List<String> bare = new ArrayList<>();
        for (Path file : javaFiles("src/main/java")) {
            Matcher m = ANNOTATION.matcher(Files.readString(file));
            while (m.find()) {
                String args = m.group(3) == null ? "" : m.group(3);
                if (!args.matches("\\s*name\\s*=\\s*DurableNames\\.\\w+\\.\\w+\\s*")) {
                    bare.add(file.getFileName() + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), bare, "durable annotations without a DurableNames constant");
    }

    @Test
    void noOtherSourceSpellsADurableName() throws Exception {
        Set<String> tools = toolNames();
        Set<String> distinctive = new TreeSet<>();
        for (String name : registryValues()) {
            // Plain words (stop, symbols, loaded) are everywhere as JSON keys; MCP tool names are the
            // reference design's and are spelled by the tool catalogue on purpose.
            boolean word = name.matches("[a-z]+");
            if (!word && !tools.contains(name) && !name.equals(DurableNames.DEFAULT_TASK_QUEUE)) {
                distinctive.add(name);
            }
        }
        assertFalse(distinctive.isEmpty());
        List<String> found = new ArrayList<>();
        for (String root : List.of("src/main/java", "src/test/java", "src/bench/java")) {
            for (Path file : javaFiles(root)) {
                if (file.endsWith(REGISTRY.getFileName()) && file.toString().contains("/bus/")) {
                    continue;
                }
                Matcher m = LITERAL.matcher(Files.readString(file));
                while (m.find()) {
                    if (distinctive.contains(m.group(1))) {
                        found.add(file + ": \"" + m.group(1) + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), found, "durable names spelled outside DurableNames");
    }

    private static Set<String> registryValues() throws IllegalAccessException {
        Set<String> out = new TreeSet<>();
        List<Class<?>> holders = new ArrayList<>(List.of(DurableNames.class.getDeclaredClasses()));
        holders.add(DurableNames.class);
        for (Class<?> holder : holders) {
            for (Field f : holder.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod) && Modifier.isPublic(mod) && f.getType() == String.class) {
                    out.add((String) f.get(null));
                }
            }
        }
        assertTrue(out.size() > 20, "registry read: " + out);
        return out;
    }

    private static Set<String> toolNames() throws IOException {
        Set<String> out = new TreeSet<>();
        for (Path file : javaFiles("src/main/java/io/tradingstack/mcp")) {
            Matcher m = TOOL.matcher(Files.readString(file));
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        assertFalse(out.isEmpty());
        return out;
    }

    private static List<Path> javaFiles(String root) throws IOException {
        try (Stream<Path> s = Files.walk(Path.of(root))) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
