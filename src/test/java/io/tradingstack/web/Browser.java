package io.tradingstack.web;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

/**
 * Debian's headless Chromium driven through Debian's chromedriver: no browser or driver download at
 * test time (the driver is named explicitly, so Selenium Manager never runs). Missing binaries fail
 * the test with what to install, unless {@code -Dts.browser.optional=true} is set (then it is skipped).
 */
final class Browser implements AutoCloseable {
    /** Opt-out for machines without Chromium: skip instead of fail. Documented in the README's test section. */
    static final String OPTIONAL = "ts.browser.optional";
    static final String CHROMIUM = System.getProperty("ts.chromium", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    final ChromeDriver driver;
    private final Path profile;
    private final List<LogEntry> console = new ArrayList<>();

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Browser start(Path profile) {
        if (!new File(CHROMIUM).canExecute() || !new File(DRIVER).canExecute()) {
            String message = "Chromium (" + CHROMIUM + ") and chromedriver (" + DRIVER + ") are needed by the browser test: "
                    + "apt-get install chromium chromium-driver (.ci/run does), or run with -D" + OPTIONAL + "=true to skip it";
            Assumptions.assumeFalse(Boolean.getBoolean(OPTIONAL), message);
            throw new AssertionError(message);
        }
        System.setProperty("webdriver.chrome.driver", DRIVER);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1440,900", "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        return new Browser(new ChromeDriver(service, options), profile);
    }

    Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Console messages at SEVERE (errors, failed loads, uncaught exceptions) since the page opened. */
    List<String> consoleErrors() {
        console.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
        return console.stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(e -> e.getLevel() + " " + e.getMessage()).toList();
    }

    void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    String profile() {
        return profile.toString();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
