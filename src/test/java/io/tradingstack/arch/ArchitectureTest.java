package io.tradingstack.arch;

import io.tradingstack.bus.ErrorCode;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.temporal.workflow.WorkflowInterface;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of the house (the shared architecture page, README "Architecture") as executable checks
 * over the production classes: no package cycles, the leaves stay leaves, only the launcher knows
 * every component, components do not reach into each other's internals, workflow code stays
 * deterministic, verticles are named and reached like adapters.
 */
class ArchitectureTest {
    private static final String BASE = "io.tradingstack.";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tradingstack");
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    private static String pkg(String name) {
        return BASE + name + "..";
    }

    @Test
    void componentsAreFreeOfCycles() {
        check(slices().matching("io.tradingstack.(*)..").namingSlices("component $1").should().beFreeOfCycles());
    }

    /**
     * Sub-packages too; one accepted exception: the LLM settings choose the provider implementation
     * (openai or offline), which in turn implement the llm core's interface.
     */
    @Test
    void packagesAreFreeOfCycles() {
        check(slices().matching("io.tradingstack.(**)").namingSlices("package $1").should().beFreeOfCycles()
                .ignoreDependency(DescribedPredicate.describe("llm.LlmSettings",
                                (JavaClass c) -> c.getName().equals(BASE + "llm.LlmSettings")),
                        DescribedPredicate.describe("an LLM provider",
                                (JavaClass c) -> c.getPackageName().startsWith(BASE + "llm.openai")
                                        || c.getPackageName().startsWith(BASE + "llm.offline"))));
    }

    @Test
    void modelIsALeaf() {
        check(noClasses().that().resideInAPackage(pkg("model"))
                .should().dependOnClassesThat().resideInAnyPackage(pkg("app"), pkg("runtime"), pkg("bus"),
                        pkg("durable"), pkg("market"), pkg("features"), pkg("ledger"), pkg("execution"), pkg("risk"),
                        pkg("strategy"), pkg("agents"), pkg("llm"), pkg("mcp"), pkg("backtest"), pkg("web"))
                .orShould().dependOnClassesThat().resideInAnyPackage("io.vertx..", "io.temporal.."));
    }

    @Test
    void busDependsOnlyOnModel() {
        check(classes().that().resideInAPackage(pkg("bus"))
                .should().onlyDependOnClassesThat(outsideTheCodeBaseOr("bus", "model")));
    }

    @Test
    void runtimeSitsUnderEveryComponent() {
        check(classes().that().resideInAPackage(pkg("runtime"))
                .should().onlyDependOnClassesThat(outsideTheCodeBaseOr("runtime", "bus", "model")));
    }

    /** The launcher is on top: it knows every component, no component knows it. */
    @Test
    void onlyTheLauncherKnowsTheLauncher() {
        check(noClasses().that().resideOutsideOfPackage(pkg("app"))
                .should().dependOnClassesThat().resideInAPackage(pkg("app")));
    }

    /** Workflow state is reached over the bus (runtime.StateBridge), never by importing its verticle. */
    @Test
    void durableStateIsReachedOverTheBus() {
        check(noClasses().that().resideOutsideOfPackages(pkg("app"), pkg("durable"))
                .should().dependOnClassesThat().resideInAPackage(pkg("durable")));
    }

    /** The edges (MCP, web) are leaves seen from the inside: nothing but the launcher depends on them. */
    @Test
    void nothingDependsOnTheEdges() {
        check(noClasses().that().resideOutsideOfPackages(pkg("app"), pkg("mcp"))
                .should().dependOnClassesThat().resideInAPackage(pkg("mcp")));
        check(noClasses().that().resideOutsideOfPackages(pkg("app"), pkg("web"))
                .should().dependOnClassesThat().resideInAPackage(pkg("web")));
    }

    /** Internals of a component stay inside it: the replay exchange, the LLM provider implementations. */
    @Test
    void internalsStayInside() {
        check(noClasses().that().resideOutsideOfPackages(pkg("market.replay"), pkg("app"))
                .should().dependOnClassesThat().resideInAPackage(pkg("market.replay")));
        check(noClasses().that().resideOutsideOfPackages(pkg("llm"), pkg("app"))
                .should().dependOnClassesThat(DescribedPredicate.describe("are LLM provider internals (the offline "
                        + "responder SPI excepted)", (JavaClass c) -> isProviderInternal(c))));
    }

    /**
     * The provider packages, except the offline provider's extension point: agents bring their own
     * offline rules by implementing OfflineResponder (answering an OfflineReply), as docs/llm.md says.
     */
    private static boolean isProviderInternal(JavaClass c) {
        String p = c.getPackageName();
        boolean provider = p.startsWith(BASE + "llm.openai") || p.startsWith(BASE + "llm.offline") || p.startsWith(BASE + "llm.local");
        return provider && !Set.of(BASE + "llm.offline.OfflineResponder", BASE + "llm.offline.OfflineReply").contains(c.getName());
    }

    /**
     * Workflow implementations are deterministic: no Vert.x, no I/O, no clocks, no randomness, no
     * threads of their own (Temporal's Workflow.* API gives time, randomness and sleeping).
     */
    @Test
    void workflowImplementationsAreDeterministic() {
        check(noClasses().that(implementAWorkflowInterface())
                .should().dependOnClassesThat().resideInAnyPackage("io.vertx..", "java.io..", "java.net..",
                        "java.nio.file..", "java.sql..", "io.grpc..", pkg("runtime"))
                .orShould().dependOnClassesThat().belongToAnyOf(java.util.Random.class, java.security.SecureRandom.class,
                        java.util.concurrent.ThreadLocalRandom.class, java.time.Clock.class, Thread.class,
                        java.util.concurrent.ExecutorService.class, java.util.concurrent.CompletableFuture.class));
        check(noClasses().that(implementAWorkflowInterface())
                .should().callMethodWhere(DescribedPredicate.describe("the method reads a clock, randomness, sleeps or "
                        + "reads the environment", (JavaMethodCall call) -> NON_DETERMINISTIC.contains(
                        call.getTarget().getOwner().getName() + "." + call.getTarget().getName()))));
    }

    @Test
    void verticlesAreNamedAsSuch() {
        check(classes().that().areAssignableTo(io.vertx.core.Deployable.class).and().areNotInterfaces()
                .and().areTopLevelClasses()
                .should().haveSimpleNameEndingWith("Verticle"));
    }

    /** A verticle is an adapter bound by the launcher: no other production class reaches into one. */
    @Test
    void onlyTheLauncherReachesVerticles() {
        check(noClasses().that().resideOutsideOfPackage(pkg("app"))
                .should().dependOnClassesThat(DescribedPredicate.describe("are verticles of another class",
                        (JavaClass c) -> c.isAssignableTo(io.vertx.core.Deployable.class)
                                && c.getPackageName().startsWith("io.tradingstack")))
                .allowEmptyShould(true)
                .as("no class outside the launcher depends on a verticle (other than itself)")
                .because("verticles are thin adapters over plain classes"));
    }

    /** A verticle wires (consumers, routes, timers to plain classes); its logic lives in plain classes tested without Vert.x. */
    static final int MAX_VERTICLE_LINES = 120;

    @Test
    void verticlesAreSmall() throws java.io.IOException {
        java.util.List<String> tooLong = new java.util.ArrayList<>();
        for (JavaClass c : classes) {
            if (isVerticle(c)) {
                java.nio.file.Path source = java.nio.file.Path.of("src/main/java", c.getName().replace('.', '/') + ".java");
                long lines;
                try (var all = java.nio.file.Files.lines(source)) {
                    lines = all.count();
                }
                if (lines > MAX_VERTICLE_LINES) {
                    tooLong.add(c.getSimpleName() + " " + lines);
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), tooLong,
                "verticles over " + MAX_VERTICLE_LINES + " lines: move their logic into plain classes");
    }

    /** No SQL and no money arithmetic in a verticle: those belong to the component's plain classes. */
    @Test
    void verticlesOnlyWire() {
        check(noClasses().that(verticles())
                .should().callMethodWhere(DescribedPredicate.describe("the target is a SQL client (a query)",
                        (JavaMethodCall call) -> call.getTarget().getOwner().getPackageName().startsWith("io.vertx.sqlclient")))
                .because("SQL lives in the component's store classes"));
        check(noClasses().that(verticles())
                .should().dependOnClassesThat().belongToAnyOf(java.math.BigDecimal.class, java.math.BigInteger.class)
                .because("amounts are computed by the component's plain classes, never in the bus adapter"));
    }

    /**
     * A verticle takes consumers, timers and health checks only through runtime.Lifecycle, whose
     * release() its stop() returns: nothing it took outlives it (VerticleLifecycleTest checks it running).
     */
    @Test
    void verticlesTakeResourcesThroughTheLifecycle() {
        check(noClasses().that(verticles())
                .should().callMethodWhere(DescribedPredicate.describe("registers a consumer, a timer or a health check directly",
                        (JavaMethodCall call) -> TAKEN_DIRECTLY.contains(call.getTarget().getOwner().getSimpleName()
                                + "." + call.getTarget().getName()))));
    }

    private static final Set<String> TAKEN_DIRECTLY = Set.of("EventBus.consumer", "EventBus.localConsumer",
            "Vertx.setTimer", "Vertx.setPeriodic", "Vertx.timer", "HealthRegistry.register");

    private static boolean isVerticle(JavaClass c) {
        return c.isAssignableTo(io.vertx.core.Deployable.class) && !c.isInterface() && c.isTopLevelClass()
                && c.getPackageName().startsWith("io.tradingstack");
    }

    private static DescribedPredicate<JavaClass> verticles() {
        return DescribedPredicate.describe("are verticles (or classes nested in one)", c -> isVerticle(c)
                || c.getEnclosingClass().map(ArchitectureTest::isVerticle).orElse(false));
    }

    /** Error codes are looked up by name in one place: ErrorCode.named. */
    @Test
    void errorCodesAreLookedUpInOnePlace() {
        check(noClasses().that().doNotBelongToAnyOf(ErrorCode.class)
                .should().callMethod(ErrorCode.class, "valueOf", String.class));
    }

    private static DescribedPredicate<JavaClass> outsideTheCodeBaseOr(String... components) {
        return DescribedPredicate.describe("outside io.tradingstack or in " + String.join(", ", components), c -> {
            if (!c.getPackageName().startsWith("io.tradingstack")) {
                return true;
            }
            for (String component : components) {
                String p = BASE + component;
                if (c.getPackageName().equals(p) || c.getPackageName().startsWith(p + ".")) {
                    return true;
                }
            }
            return false;
        });
    }

    private static DescribedPredicate<JavaClass> implementAWorkflowInterface() {
        return DescribedPredicate.describe("implement a @WorkflowInterface", c -> !c.isInterface()
                && c.getAllRawInterfaces().stream().anyMatch(i -> i.isAnnotatedWith(WorkflowInterface.class)));
    }

    private static final Set<String> NON_DETERMINISTIC = Set.of(
            "java.lang.System.currentTimeMillis", "java.lang.System.nanoTime", "java.lang.Math.random",
            "java.util.UUID.randomUUID", "java.lang.Thread.sleep", "java.time.Instant.now", "java.time.LocalDateTime.now",
            "java.time.LocalDate.now", "java.time.OffsetDateTime.now", "java.time.ZonedDateTime.now", "java.lang.System.getenv");
}
