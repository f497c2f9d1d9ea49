package io.tradingstack.app;

import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.ConfigKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The files users read and run: .env.example, docker-compose.yml, verticles.json, .ci/run. */
class RepositoryFilesTest {

    @Test
    void envExampleDocumentsExactlyTheConfigKeys() throws Exception {
        Set<String> documented = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of(".env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String key = line.substring(0, line.indexOf('='));
                documented.add(key);
                String value = line.substring(line.indexOf('=') + 1);
                assertEquals(ConfigKey.valueOf(key).defaultValue(), value, "default of " + key + " in .env.example");
            }
        }
        assertEquals(new TreeSet<>(ConfigKey.names()), documented);
    }

    @Test
    void dockerComposeHasTheServicesAndOnlyRealKeys() throws Exception {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker-compose.yml").toFile());
        JsonNode services = compose.get("services");
        for (String name : List.of("postgres", "temporal", "node-a", "node-b")) {
            assertTrue(services.has(name), "service " + name);
        }
        List<String> roles = new ArrayList<>();
        for (String node : List.of("node-a", "node-b")) {
            JsonNode svc = services.get(node);
            String command = svc.get("command").toString();
            assertTrue(command.contains("--cluster"), node + " runs in cluster mode");
            roles.add(svc.get("command").get(svc.get("command").size() - 1).asText());
            Iterator<String> keys = svc.get("environment").fieldNames();
            while (keys.hasNext()) {
                String key = keys.next();
                assertTrue(ConfigKey.named(key).isPresent(), node + " sets unknown key " + key);
            }
        }
        assertTrue(!roles.get(0).equals(roles.get(1)), "the two nodes have different roles");
        for (String role : String.join(",", roles).split(",")) {
            assertTrue(VerticleSpec.load().stream().anyMatch(s -> s.roles().contains(role)),
                    "role " + role + " used in docker-compose.yml exists in verticles.json");
        }
    }

    /** Production-like start order: every service has a healthcheck and waits for what it needs to be healthy. */
    @Test
    void dockerComposeStartsEachServiceWhenItsDependenciesAreHealthy() throws Exception {
        JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(Path.of("docker-compose.yml").toFile()).get("services");
        for (String name : List.of("temporal-ui", "prometheus")) {
            assertTrue(services.has(name), "service " + name);
        }
        Iterator<String> names = services.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode svc = services.get(name);
            JsonNode test = svc.path("healthcheck").path("test");
            assertTrue(test.isArray() && test.size() > 1 && !"NONE".equals(test.get(0).asText()), name + " has a healthcheck");
            JsonNode deps = svc.path("depends_on");
            assertTrue(deps.isMissingNode() || deps.isObject(), name + ": depends_on with conditions, not a bare list");
            Iterator<String> needed = deps.fieldNames();
            while (needed.hasNext()) {
                String dep = needed.next();
                assertTrue(services.has(dep), name + " depends on unknown service " + dep);
                assertEquals("service_healthy", deps.get(dep).path("condition").asText(), name + " waits for " + dep);
            }
        }
        for (String port : List.of("7233", "8088", "8080", "8081", "8082", "9090")) {
            assertTrue(services.toString().contains("\"127.0.0.1:" + port + ":"), "port " + port + " on loopback only");
        }
    }

    /** Prometheus scrapes every application node at its HTTP_PORT, with the nodes' token, and the nodes allow that Host. */
    @Test
    void prometheusTargetsAreTheNodesHttpPorts() throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode services = yaml.readTree(Path.of("docker-compose.yml").toFile()).get("services");
        JsonNode prometheus = services.get("prometheus");
        assertTrue(prometheus.get("volumes").toString().contains("./deploy/prometheus.yml:/etc/prometheus/prometheus.yml"));
        JsonNode job = yaml.readTree(Path.of("deploy", "prometheus.yml").toFile()).get("scrape_configs").get(0);
        assertEquals("/metrics", job.get("metrics_path").asText());
        Set<String> targets = new TreeSet<>();
        job.get("static_configs").forEach(c -> c.get("targets").forEach(t -> targets.add(t.asText())));
        Set<String> nodes = new TreeSet<>();
        Iterator<String> names = services.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            JsonNode env = services.get(name).path("environment");
            if (!env.has("HTTP_PORT")) {
                continue;
            }
            String target = name + ":" + env.get("HTTP_PORT").asText();
            nodes.add(target);
            assertEquals(job.get("authorization").get("credentials").asText(), env.path("HTTP_AUTH_TOKEN").asText(),
                    "Prometheus sends " + name + "'s HTTP_AUTH_TOKEN");
            assertTrue(env.path("MCP_ALLOWED_ORIGINS").asText().contains("http://" + target), name + " allows Host " + target);
        }
        assertEquals(Set.of("node-a:8081", "node-b:8081"), nodes);
        assertEquals(nodes, targets, "Prometheus scrapes exactly the application nodes");
    }

    @Test
    void verticlesJsonIsValidAndHttpIsLast() {
        List<VerticleSpec> specs = VerticleSpec.load();
        assertEquals("http", specs.get(specs.size() - 1).name());
        for (VerticleSpec spec : specs) {
            assertTrue(!spec.roles().isEmpty(), spec.name() + " has roles");
            try {
                Class<?> type = Class.forName(spec.className());
                type.getConstructor(AppContext.class);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(spec.name() + ": " + e);
            }
        }
    }

    @Test
    void ciRunsTheReadmeTestCommand() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String ci = Files.readString(Path.of(".ci/run"));
        assertTrue(ci.contains("set -euo pipefail"));
        String command = ci.lines().filter(l -> l.startsWith("mvn ")).findFirst().orElseThrow();
        assertTrue(readme.contains(command), "README quotes the CI command: " + command);
    }

    @Test
    void marketTestDataMatchesTheChecksumsOfItsReadme() throws Exception {
        String readme = Files.readString(io.tradingstack.testing.MarketData.DIR.resolve("README.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\| `([^`]+)` \\| `([0-9a-f]{64})` \\|").matcher(readme);
        int checked = 0;
        while (m.find()) {
            byte[] content = io.tradingstack.testing.MarketData.bytes(m.group(1));
            String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
            assertEquals(m.group(2), sha, m.group(1));
            checked++;
        }
        assertEquals(4, checked, "every shipped file has a checksum");
    }

    /** The repository never depends on the machine it was written on (no absolute paths, no sibling folders). */
    @Test
    void noAbsoluteMachinePathsInTheRepository() throws Exception {
        List<String> offenders = new ArrayList<>();
        String machineRoot = "/" + "work" + "/";
        String sibling = "../" + "shared";
        for (String dir : List.of("src", "docs", "conf", "configs", ".ci")) {
            if (!Files.isDirectory(Path.of(dir))) {
                continue;
            }
            try (java.util.stream.Stream<Path> files = Files.walk(Path.of(dir))) {
                for (Path f : files.filter(Files::isRegularFile).filter(RepositoryFilesTest::isText).toList()) {
                    String text = Files.readString(f);
                    if (text.contains(machineRoot) || text.contains(sibling)) {
                        offenders.add(f.toString());
                    }
                }
            }
        }
        for (String f : List.of("README.md", "pom.xml", "verticles.json", "docker-compose.yml", ".env.example", "deploy/prometheus.yml")) {
            String text = Files.readString(Path.of(f));
            if (text.contains(machineRoot) || text.contains(sibling)) {
                offenders.add(f);
            }
        }
        assertEquals(List.of(), offenders);
    }

    private static boolean isText(Path f) {
        String n = f.getFileName().toString();
        return !n.endsWith(".gz") && !n.endsWith(".png") && !n.equals("package-lock.json") && !f.toString().contains("node_modules");
    }
}
