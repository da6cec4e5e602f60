package dev.claimtrail.query.dashboard;

import dev.claimtrail.infra.embedded.KafkaTestResource;
import dev.claimtrail.infra.embedded.PostgresTestResource;
import dev.claimtrail.query.infra.auth.ReaderKeysProfile;
import dev.claimtrail.query.support.HeadlessChromium;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * With reader keys configured, the dashboard's page still loads, its API calls are refused until it
 * has a key; it asks once, keeps the key for the tab (sessionStorage) and sends it as X-API-Key.
 */
@QuarkusTest
@TestProfile(ReaderKeysProfile.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LockedDashboardBrowserTest {

    @TestHTTPResource("/")
    URL root;

    HeadlessChromium browser;

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void asksForAKeyOnceAndReadsWithIt() {
        assumeTrue(HeadlessChromium.missing() == null, HeadlessChromium.missing());
        browser = HeadlessChromium.start();
        WebDriver driver = browser.driver();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get(root.toString());

        Alert prompt = wait.until(ExpectedConditions.alertIsPresent());
        assertTrue(prompt.getText().contains("reader key"), prompt.getText());
        prompt.sendKeys(ReaderKeysProfile.READER_KEY);
        prompt.accept();
        wait.until(LockedDashboardBrowserTest::claimsShown);
        assertEquals(ReaderKeysProfile.READER_KEY, ((JavascriptExecutor) driver)
                .executeScript("return window.sessionStorage.getItem('claimtrail.apiKey')"));

        // the key is kept for the tab: a reload reads without asking again
        driver.navigate().refresh();
        wait.until(LockedDashboardBrowserTest::claimsShown);
        assertTrue(ExpectedConditions.alertIsPresent().apply(driver) == null, "asked a second time");
    }

    /** The claims view rendered from an answered API call (a table, or the empty-list message), not a refusal. */
    private static boolean claimsShown(WebDriver driver) {
        String text = driver.findElement(By.tagName("body")).getText();
        assertTrue(!text.contains("API key"), text);
        return !driver.findElements(By.id("claims-table")).isEmpty() || text.contains("No claim matches");
    }
}
