package warden.sandbox;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import warden.WardenApplication;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox as a newcomer meets it, in headless Chromium (Debian's chromium and chromium-driver, installed by
 * {@code .ci/run}; skipped where they are not): post a forbidden word as a member, watch Warden delete it and explain,
 * and see a message of one demo server relayed into the other. Screenshots under {@code target/screenshots}.
 */
class SandboxBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @Test
    void aForbiddenWordPostedInThePageIsDeletedAndExplained() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "Chromium or its driver is not installed");
        try (Sandbox sandbox = Sandbox.start(WardenApplication.class, "--server.port=0", "--warden.embedded-db.data-dir=" + dataDir,
                "--warden.embedded-db.working-dir=target/embedded-pg", "--warden.embedded-db.durable=false",
                "--logging.level.org.axonframework=WARN")) {
            String base = "http://127.0.0.1:" + sandbox.context().getEnvironment().getProperty("local.server.port");
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                    .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1000,900",
                            "--lang=en-US");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
            WebDriver browser = new ChromeDriver(service, options);
            try {
                browser.get(base + "/sandbox");
                // the feed is redrawn when it changes: read texts inside the waits, where a stale element is tried again
                WebDriverWait wait = new WebDriverWait(browser, WAIT);
                wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
                wait.until(d -> !d.findElements(By.cssSelector("#member option")).isEmpty());
                assertThat(find(browser, By.cssSelector("label[for=content]")).getText()).isEqualTo("Message");
                new Select(find(browser, By.id("member"))).selectByVisibleText("mallory");
                find(browser, By.id("content")).sendKeys("t'es un c h a t");
                find(browser, By.id("send")).click();
                String deleted = wait.until(d -> d.findElements(By.cssSelector("#feed li.deleted")).stream()
                        .map(WebElement::getText).filter(text -> text.contains("t'es un c h a t")).findFirst().orElse(null));
                assertThat(deleted).contains("mallory").contains("deleted by Warden");
                wait.until(d -> d.findElements(By.cssSelector("#feed li.warden")).stream()
                        .anyMatch(li -> li.getText().contains("@mallory") && li.getText().contains("forbidden word")));
                screenshot(browser, "sandbox-deleted.png");

                // the lounges of the two demo servers are linked: a message in one appears in the other
                new Select(find(browser, By.id("channel"))).selectByVisibleText("#lounge");
                new Select(find(browser, By.id("member"))).selectByVisibleText("alice");
                find(browser, By.id("content")).sendKeys("hello arcade");
                find(browser, By.id("send")).click();
                List<WebElement> lounges = browser.findElements(By.cssSelector("#channel option"));
                lounges.stream().filter(o -> o.getText().equals("#lounge")).reduce((a, b) -> b).orElseThrow().click();
                wait.until(d -> d.findElements(By.cssSelector("#feed li.webhook")).stream()
                        .anyMatch(li -> li.getText().contains("alice") && li.getText().contains("hello arcade")));
                screenshot(browser, "sandbox-relayed.png");
            } finally {
                browser.quit();
            }
        }
    }

    /** An element once the page holds it. */
    private static WebElement find(WebDriver browser, By by) {
        return new WebDriverWait(browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(by).stream().findFirst().orElse(null));
    }

    private static void screenshot(WebDriver browser, String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(shot.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
