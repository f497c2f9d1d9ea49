package io.tradingstack.app;

import io.tradingstack.runtime.AppConfig;
import io.tradingstack.runtime.AppContext;
import io.tradingstack.runtime.ConfigException;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class VerticleSpecTest {

    @Test
    void rolesSelectVerticlesAndStarEntriesRunEverywhere() {
        List<VerticleSpec> specs = VerticleSpec.load();
        Vertx vertx = Vertx.vertx();
        try {
            AppContext ctx = new AppContext(AppConfig.defaults(Map.of()), vertx);
            List<String> feedAndFeatures = new Stack(ctx, specs, Set.of("feed", "features")).plan().stream()
                    .map(VerticleSpec::name).toList();
            assertEquals(List.of("feed", "features", "http"), feedAndFeatures);
            assertEquals(specs.size(), new Stack(ctx, specs, Set.of()).plan().size(), "no roles = everything");
        } finally {
            vertx.close();
        }
    }

    @Test
    void badEntriesAreRejectedWithTheirName() {
        ConfigException e = assertThrows(ConfigException.class, () -> VerticleSpec.parse(
                "{\"verticles\":[{\"name\":\"x\",\"class\":\"a.B\",\"instances\":0,\"roles\":[\"r\"]}]}"));
        assertEquals("verticles.json: x has instances=0; expected >= 1", e.getMessage());
    }
}
