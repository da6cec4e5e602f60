package dev.claimtrail.query.dashboard;

import dev.claimtrail.infra.embedded.KafkaTestResource;
import dev.claimtrail.infra.embedded.PostgresTestResource;
import dev.claimtrail.query.support.HeadlessChromium;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Swagger UI in a real headless Chromium: it must render the API's operations under the policy its
 * path is served with, with no CSP violation or script error in the console. Skipped where Chromium is
 * not installed.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class SwaggerUiBrowserTest {

    @TestHTTPResource("/q/swagger-ui/")
    URL swaggerUi;

    @Test
    void theUiRendersTheApiUnderItsContentSecurityPolicy() {
        String missing = HeadlessChromium.missing();
        Assumptions.assumeTrue(missing == null, () -> "browser test skipped: " + missing);
        try (HeadlessChromium browser = HeadlessChromium.start()) {
            WebDriver driver = browser.driver();
            driver.get(swaggerUi.toString());
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            wait.until(d -> d.findElements(By.cssSelector(".opblock-summary-path")).size() > 5);
            List<String> paths = driver.findElements(By.cssSelector(".opblock-summary-path")).stream()
                    .map(e -> e.getAttribute("data-path")).toList();
            assertTrue(paths.contains("/api/claims") && paths.contains("/api/stream"), paths.toString());
            assertTrue(driver.findElement(By.cssSelector(".info .title")).getText().contains("Claimtrail query API"));
            browser.screenshot(Path.of(System.getProperty("claimtrail.screenshots.dir", "target/dashboard-screenshots")),
                    "swagger-ui");
            List<String> problems = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(LogEntry::getMessage)
                    .filter(m -> m.contains("Content Security Policy") || m.contains("Refused") || m.contains("Uncaught"))
                    .toList();
            assertTrue(problems.isEmpty(), problems.toString());
        }
    }
}
