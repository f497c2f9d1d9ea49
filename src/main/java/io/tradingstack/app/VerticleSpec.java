package io.tradingstack.app;

import io.tradingstack.runtime.ConfigException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One entry of {@code verticles.json}: which class, how many instances, its config section, the
 * roles it belongs to ("*" = every node) and the infrastructure it needs before it starts.
 */
public record VerticleSpec(String name, String className, int instances, String configSection,
                           List<String> roles, List<String> needs) {

    public VerticleSpec {
        if (name == null || name.isBlank() || className == null || className.isBlank()) {
            throw new ConfigException("verticles.json: every entry needs a name and a class");
        }
        if (instances < 1) {
            throw new ConfigException("verticles.json: " + name + " has instances=" + instances + "; expected >= 1");
        }
        roles = List.copyOf(roles);
        needs = List.copyOf(needs);
    }

    public boolean selectedBy(Set<String> selectedRoles) {
        return selectedRoles.isEmpty() || roles.contains("*") || roles.stream().anyMatch(selectedRoles::contains);
    }

    public boolean needs(String infrastructure) {
        return needs.contains(infrastructure);
    }

    /** Reads {@code verticles.json} from the working directory if present, else the copy in the jar. */
    public static List<VerticleSpec> load() {
        Path local = Path.of("verticles.json");
        try {
            if (Files.exists(local)) {
                return parse(Files.readString(local));
            }
            try (InputStream in = VerticleSpec.class.getResourceAsStream("/verticles.json")) {
                if (in == null) {
                    throw new ConfigException("verticles.json not found in the working directory nor in the jar");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new ConfigException("verticles.json could not be read: " + e.getMessage());
        }
    }

    public static List<VerticleSpec> parse(String json) {
        JsonArray entries = new JsonObject(json).getJsonArray("verticles");
        List<VerticleSpec> specs = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            JsonObject e = entries.getJsonObject(i);
            specs.add(new VerticleSpec(e.getString("name"), e.getString("class"), e.getInteger("instances", 1),
                    e.getString("config", e.getString("name")), strings(e.getJsonArray("roles")),
                    strings(e.getJsonArray("needs"))));
        }
        return specs;
    }

    private static List<String> strings(JsonArray array) {
        return array == null ? List.of() : array.stream().map(String::valueOf).toList();
    }
}
