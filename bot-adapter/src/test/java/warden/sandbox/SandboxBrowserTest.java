package warden.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static warden.platform.testing.Browsers.accessible;
import static warden.platform.testing.Browsers.chromium;
import static warden.platform.testing.Browsers.find;
import static warden.platform.testing.Browsers.screenshot;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import warden.WardenApplication;
import warden.platform.testing.Browsers;

/**
 * The sandbox as a newcomer meets it, in headless Chromium (Debian's chromium and chromium-driver, installed by
 * {@code .ci/run}; skipped where they are not): post a forbidden word as a member, watch Warden delete it and explain,
 * and see a message of one demo server relayed into the other. Screenshots under {@code target/screenshots}.
 */
class SandboxBrowserTest {

    @TempDir
    Path dataDir;

    @Test
    void aForbiddenWordPostedInThePageIsDeletedAndExplained() throws Exception {
        WebDriver browser = chromium(1000, 900);
        try (Sandbox sandbox = Sandbox.start(
                WardenApplication.class,
                "--server.port=0",
                "--warden.embedded-db.data-dir=" + dataDir,
                "--warden.embedded-db.working-dir=target/embedded-pg",
                "--warden.embedded-db.durable=false",
                "--logging.level.org.axonframework=WARN")) {
            String base =
                    "http://127.0.0.1:" + sandbox.context().getEnvironment().getProperty("local.server.port");
            try {
                browser.get(base + "/sandbox");
                // the feed is redrawn when it changes: read texts inside the waits, where a stale element is tried
                // again
                WebDriverWait wait = Browsers.waiting(browser);
                wait.until(
                        d -> !d.findElements(By.cssSelector("#member option")).isEmpty());
                assertThat(find(browser, By.cssSelector("label[for=content]")).getText())
                        .isEqualTo("Message");
                new Select(find(browser, By.id("member"))).selectByVisibleText("mallory");
                find(browser, By.id("content")).sendKeys("t'es un c h a t");
                find(browser, By.id("send")).click();
                String deleted = wait.until(d -> d.findElements(By.cssSelector("#feed li.deleted")).stream()
                        .map(WebElement::getText)
                        .filter(text -> text.contains("t'es un c h a t"))
                        .findFirst()
                        .orElse(null));
                assertThat(deleted).contains("mallory").contains("deleted by Warden");
                wait.until(d -> d.findElements(By.cssSelector("#feed li.warden")).stream()
                        .anyMatch(li -> li.getText().contains("@mallory")
                                && li.getText().contains("forbidden word")));
                screenshot(browser, "sandbox-deleted.png");
                accessible(browser, "sandbox");

                // the lounges of the two demo servers are linked: a message in one appears in the other
                new Select(find(browser, By.id("channel"))).selectByVisibleText("#lounge");
                new Select(find(browser, By.id("member"))).selectByVisibleText("alice");
                find(browser, By.id("content")).sendKeys("hello arcade");
                find(browser, By.id("send")).click();
                List<WebElement> lounges = browser.findElements(By.cssSelector("#channel option"));
                lounges.stream()
                        .filter(o -> o.getText().equals("#lounge"))
                        .reduce((a, b) -> b)
                        .orElseThrow()
                        .click();
                wait.until(d -> d.findElements(By.cssSelector("#feed li.webhook")).stream()
                        .anyMatch(li ->
                                li.getText().contains("alice") && li.getText().contains("hello arcade")));
                screenshot(browser, "sandbox-relayed.png");

                // the panel: signed in through the (fake) Discord's OAuth2 page, with a role per server from Discord
                long cafe = sandbox.demo().cafe();
                signInWithDiscord(browser, base, "moderator");
                assertThat(find(browser, By.id("guilds")).getText())
                        .contains(cafe + " MODERATOR")
                        .doesNotContain(String.valueOf(sandbox.demo().arcade()));
                screenshot(browser, "panel-discord-home.png");
                browser.get(base + "/panel/guilds/" + cafe + "/members?user="
                        + sandbox.demo().members().get(2));
                String infraction = wait.until(d -> d.findElements(By.cssSelector("tr[id^=entry-]")).stream()
                        .findFirst()
                        .map(tr -> tr.getAttribute("id").substring("entry-".length()))
                        .orElse(null));
                find(browser, By.id("reason-" + infraction)).sendKeys("a joke between friends");
                find(browser, By.id("pardon-" + infraction)).click();
                assertThat(find(browser, By.cssSelector("p.notice")).getText()).contains(infraction);
                // the log is a projection: it shows the pardon once it has caught up
                wait.until(d -> {
                    d.navigate().refresh();
                    return d.findElements(By.id("entry-" + infraction)).stream()
                            .anyMatch(tr -> tr.getAttribute("class").contains("pardoned"));
                });
                // the pardon is the Discord user's own act in the audit trail
                browser.get(base + "/panel/guilds/" + cafe + "/timeline");
                assertThat(find(browser, By.id("events")).getText())
                        .contains("moderator:" + sandbox.demo().moderator() + " a joke between friends");
                // a moderator may not change the policy; the page's save buttons are absent
                browser.get(base + "/panel/guilds/" + cafe + "/automod");
                assertThat(browser.findElements(By.id("save-vocabulary"))).isEmpty();
                browser.get(base + "/panel/guilds/" + sandbox.demo().arcade() + "/automod");
                assertThat(browser.getPageSource())
                        .doesNotContain("save-vocabulary")
                        .doesNotContain("lounge");

                // a member without moderation rights in any server gets no server; the admin gets ADMIN where they own
                signInWithDiscord(browser, base, "alice");
                assertThat(find(browser, By.id("guilds")).findElements(By.tagName("li")))
                        .isEmpty();
                signInWithDiscord(browser, base, "admin");
                assertThat(find(browser, By.id("guilds")).getText()).contains(cafe + " ADMIN");
                browser.get(base + "/panel/guilds/" + cafe + "/automod");
                assertThat(find(browser, By.id("save-vocabulary")).isDisplayed())
                        .isTrue();
                // the lounges' link, with the partner channel of the other demo server
                browser.get(base + "/panel/guilds/" + cafe + "/interserver");
                assertThat(find(browser, By.cssSelector("#links tbody tr")).getText())
                        .contains(String.valueOf(sandbox.demo().lounge()))
                        .contains("(created here)")
                        .contains(sandbox.demo().arcade() + "/" + sandbox.demo().arcadeLounge())
                        .contains("still linked");
                screenshot(browser, "panel-interserver.png");
                accessible(browser, "panel-interserver");

                // a backup asked for from the panel, taken by the bot; a raid's channel, then a restore started on
                // Discord and followed here
                browser.get(base + "/panel/guilds/" + cafe + "/backups");
                find(browser, By.id("label")).sendKeys("before the raid");
                find(browser, By.id("take-backup")).click();
                assertThat(find(browser, By.cssSelector("p.notice")).getText()).startsWith("Backup ");
                wait.until(d -> {
                    d.navigate().refresh();
                    return d.findElements(By.cssSelector("#backups tbody tr")).stream()
                            .anyMatch(tr -> tr.getText().contains("before the raid"));
                });
                sandbox.discord().createChannel(cafe, "spam-spam-spam");
                sandbox.discord()
                        .slashCommand(
                                cafe,
                                sandbox.demo().general(),
                                sandbox.demo().admin(),
                                "backup",
                                List.of(java.util.Map.of(
                                        "name",
                                        "load",
                                        "type",
                                        1,
                                        "options",
                                        List.of(
                                                java.util.Map.of("name", "backup", "type", 3, "value", "latest"),
                                                java.util.Map.of("name", "confirm", "type", 5, "value", true)))),
                                "en-US");
                wait.until(d -> {
                    d.navigate().refresh();
                    return d.findElements(By.id("restore-state")).stream()
                            .anyMatch(p -> p.getText().startsWith("Finished"));
                });
                assertThat(find(browser, By.cssSelector("label[for=restore-progress]"))
                                .getText())
                        .isEqualTo("1 of 1 steps (0 failed, 0 skipped)");
                assertThat(find(browser, By.id("restore-steps")).getText())
                        .contains("spam-spam-spam")
                        .contains("DONE");
                screenshot(browser, "panel-backups.png");
                accessible(browser, "panel-backups");
            } finally {
                browser.quit();
            }
        }
    }

    /** Signs out, then in through the panel's "Sign in with Discord" as the demo user of that name. */
    private static void signInWithDiscord(WebDriver browser, String base, String user) {
        browser.get(base + "/panel");
        if (!browser.findElements(By.cssSelector("form[action$='/panel/logout'] button"))
                .isEmpty()) {
            browser.findElement(By.cssSelector("form[action$='/panel/logout'] button"))
                    .click();
        }
        find(browser, By.id("discord-sign-in")).click();
        new Select(find(browser, By.id("user"))).selectByVisibleText(user);
        find(browser, By.id("authorize")).click();
        find(browser, By.id("guilds"));
    }
}
