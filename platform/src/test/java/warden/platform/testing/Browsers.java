package warden.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the browser tests (Debian's chromium and chromium-driver, which {@code .ci/run} installs; a test
 * is skipped where they are not), with the checks every page gets: accessibility measured by axe-core, a phone's width,
 * and a screenshot kept under {@code target/screenshots}.
 */
public final class Browsers {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Browsers() {}

    /** A headless Chromium in English at that window size; the test is skipped when Chromium is not installed. */
    public static ChromeDriver chromium(int width, int height) {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "Chromium or its driver is not installed");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--window-size=" + width + "," + height,
                        "--lang=en-US");
        return new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(DRIVER.toFile())
                        .build(),
                options);
    }

    /** A wait that tries again on an element the page replaced, rather than failing. */
    public static WebDriverWait waiting(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** An element once the page that holds it has loaded (a click's navigation may still be under way). */
    public static WebElement find(WebDriver browser, By by) {
        return waiting(browser)
                .until(d -> d.findElements(by).stream().findFirst().orElse(null));
    }

    /**
     * The text of the element {@code by} once it reads {@code expected}: right after a click, the old page's element
     * may still be found and then replaced under the reader. Fails with the text last shown.
     */
    public static String textOnceShown(WebDriver browser, By by, String expected) {
        String[] shown = {null};
        try {
            waiting(browser)
                    .until(d -> expected.equals(shown[0] = d.findElement(by).getText()));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "expected " + by + " to read \"" + expected + "\" but it read \"" + shown[0] + "\"", e);
        }
        return shown[0];
    }

    public static void screenshot(WebDriver browser, String name) {
        try {
            Path shot =
                    ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(
                    shot,
                    Files.createDirectories(Path.of("target", "screenshots")).resolve(name),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The page as axe-core finds it (Deque's rules for WCAG 2.1 A and AA: labels, names, contrast, landmarks, ARIA), and
     * laid out for a 375 px phone screen (Chrome's device emulation) without scrolling sideways.
     */
    public static void accessible(WebDriver browser, String page) {
        Results axe = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(browser);
        assertThat(axe.getViolations())
                .as(page + ": "
                        + axe.getViolations().stream()
                                .map(v -> v.getId() + " "
                                        + v.getNodes().stream()
                                                .map(n -> String.valueOf(n.getTarget()))
                                                .toList())
                                .toList())
                .isEmpty();
        ChromeDriver chrome = (ChromeDriver) browser;
        chrome.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", 375, "height", 800, "deviceScaleFactor", 2, "mobile", true));
        try {
            Object overflow = chrome.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Object wider = chrome.executeScript(
                    "return [...document.querySelectorAll('body *')]"
                            + ".filter(e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > document.documentElement.clientWidth)"
                            + ".slice(0, 8).map(e => e.tagName + (e.id ? '#' + e.id : '') + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')");
            assertThat(((Number) overflow).longValue())
                    .as(page + " at a phone's width scrolls sideways (" + wider + ") by")
                    .isLessThanOrEqualTo(0);
        } finally {
            chrome.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }
}
