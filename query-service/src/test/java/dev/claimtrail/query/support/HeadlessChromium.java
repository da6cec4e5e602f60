package dev.claimtrail.query.support;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.stream.Stream;

/**
 * The system's Chromium, driven headless through its matching chromedriver. Both paths are given
 * explicitly so that Selenium never runs Selenium Manager, which would try to download a browser.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path BROWSER = Path.of(setting("CHROMIUM_BINARY", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(setting("CHROMEDRIVER", "/usr/bin/chromedriver"));

    private final Path profile;
    private final ChromeDriver driver;

    private HeadlessChromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /** Null when both are installed, else what is missing (for a test assumption's message). */
    public static String missing() {
        if (!Files.isExecutable(BROWSER)) {
            return "no Chromium at " + BROWSER + " (apt-get install chromium chromium-driver, or set CHROMIUM_BINARY)";
        }
        if (!Files.isExecutable(DRIVER)) {
            return "no chromedriver at " + DRIVER + " (apt-get install chromium-driver, or set CHROMEDRIVER)";
        }
        return null;
    }

    public static HeadlessChromium start() {
        Path profile;
        try {
            profile = Files.createTempDirectory("claimtrail-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1400,1400", "--user-data-dir=" + profile);
        // the page's console, so that a test can see script errors and CSP violations
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new HeadlessChromium(profile, new ChromeDriver(service, options));
    }

    public WebDriver driver() {
        return driver;
    }

    /** Saves what the browser shows as {@code <dir>/<name>.png}; returns the file. */
    public Path screenshot(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temp profile is harmless
            }
        }
    }

    private static String setting(String env, String fallback) {
        String value = System.getenv(env);
        return value == null || value.isBlank() ? fallback : value;
    }
}
