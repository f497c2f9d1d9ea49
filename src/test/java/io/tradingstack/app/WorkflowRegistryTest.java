package io.tradingstack.app;

import io.temporal.workflow.WorkflowInterface;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class WorkflowRegistryTest {

    /** Every class of the code base implementing a @WorkflowInterface must be registered. */
    @Test
    void everyWorkflowImplementationIsRegistered() throws IOException {
        Path classes = Path.of("target/classes");
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, getClass().getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                if (!type.isInterface() && implementsWorkflow(type)) {
                    found.add(type.getName());
                }
            }
        }
        Set<String> registered = new TreeSet<>();
        WorkflowRegistry.WORKFLOWS.forEach(c -> registered.add(c.getName()));
        assertFalse(found.isEmpty());
        assertEquals(found, registered);
    }

    private static boolean implementsWorkflow(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.isAnnotationPresent(WorkflowInterface.class)) {
                    return true;
                }
            }
        }
        return false;
    }
}
