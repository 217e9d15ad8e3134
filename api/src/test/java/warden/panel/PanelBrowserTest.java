package warden.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static warden.platform.testing.ApiTokens.ADMIN_A;
import static warden.platform.testing.ApiTokens.GUILD_A;
import static warden.platform.testing.ApiTokens.OPERATOR;
import static warden.platform.testing.Browsers.accessible;
import static warden.platform.testing.Browsers.chromium;
import static warden.platform.testing.Browsers.find;
import static warden.platform.testing.Browsers.screenshot;
import static warden.platform.testing.Browsers.textOnceShown;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;
import warden.platform.testing.ApiClient;
import warden.platform.testing.WardenSpringTest;

/**
 * The web panel in headless Chromium (Debian's chromium and chromium-driver; skipped where they are not installed):
 * sign in with a token, change a module and read the version's diff, a refused value explained, another server's
 * page refused, a member looked up and an infraction pardoned. Screenshots under {@code target/screenshots}.
 */
@WardenSpringTest
class PanelBrowserTest {

    /**
     * A server and a member no other test of the shared context touches: the policy's history, the rules and the standing
     * are this test's alone.
     */
    private static final String GUILD = Long.toString(1_577_000_000_000_000_000L + System.nanoTime() % 1_000_000_000L);

    private static final String USER = Long.toString(880_000_000L + System.nanoTime() % 1_000_000);

    @LocalServerPort
    int port;

    @Test
    void anAdminChangesAModuleAndAModeratorPardons() throws Exception {
        String base = "http://127.0.0.1:" + port;
        ApiClient api = new ApiClient(port);
        api.post(
                OPERATOR,
                "/api/v1/guilds/" + GUILD + "/members/" + USER + "/infractions",
                "{\"id\":\"panel-" + USER + "\",\"type\":\"SPAM\",\"reason\":\"flood in #general\"}");
        String sanction = api.post(
                        OPERATOR,
                        "/api/v1/guilds/" + GUILD + "/members/" + USER + "/sanctions",
                        "{\"kind\":\"TIMEOUT\",\"duration\":\"1h\",\"reason\":\"flood again\"}")
                .text("id");
        WebDriver browser = chromium(1000, 1200);
        try {
            // a page being replaced leaves stale elements behind: tried again, not failed
            org.openqa.selenium.support.ui.FluentWait<WebDriver> wait =
                    warden.platform.testing.Browsers.waiting(browser).withTimeout(Duration.ofSeconds(20));
            browser.get(base + "/panel");
            assertThat(browser.getCurrentUrl()).endsWith("/panel/login");
            signIn(browser, "not-a-token");
            assertThat(find(browser, By.cssSelector("[role=alert]")).getText()).isEqualTo("This token is not known.");
            accessible(browser, "panel-login");
            // the keyboard alone signs in: Tab reaches the token field, Enter sends the form
            org.openqa.selenium.interactions.Actions keys = new org.openqa.selenium.interactions.Actions(browser);
            for (int tab = 0;
                    tab < 10
                            && !"token"
                                    .equals(browser.switchTo().activeElement().getAttribute("id"));
                    tab++) {
                keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
            }
            keys.sendKeys(ADMIN_A).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
            find(browser, By.linkText(GUILD_A)).click();
            textOnceShown(browser, By.tagName("h1"), "Auto-moderation of server " + GUILD_A);
            browser.get(base + "/panel/guilds/2002/automod");
            assertThat(browser.getPageSource())
                    .as("a server the token does not cover")
                    .doesNotContain("Auto-moderation of server 2002");
            browser.get(base + "/panel");
            find(browser, By.cssSelector("nav form button")).click(); // sign out
            signIn(browser, OPERATOR);
            find(browser, By.id("guild")).sendKeys(GUILD);
            find(browser, By.cssSelector("main form button")).click();
            textOnceShown(browser, By.tagName("h1"), "Auto-moderation of server " + GUILD);

            find(browser, By.id("vocabulary-enabled")).click();
            var words = find(browser, By.id("vocabulary-words"));
            words.clear();
            words.sendKeys("chat*, idiot");
            find(browser, By.id("save-vocabulary")).click();
            wait.until(d -> !d.findElements(By.cssSelector(".notice")).isEmpty());
            assertThat(find(browser, By.cssSelector(".notice")).getText())
                    .startsWith("Module vocabulary saved: policy version");
            // the history is read from the audit trail, a moment behind the save
            String latest = wait.until(d -> {
                if (d.findElements(By.cssSelector("tbody tr")).isEmpty())
                    d.navigate().refresh();
                return d.findElements(By.cssSelector("tbody tr")).stream()
                        .findFirst()
                        .map(org.openqa.selenium.WebElement::getText)
                        .orElse(null);
            });
            assertThat(latest)
                    .contains("vocabulary.enabled: false → true")
                    .contains("vocabulary.words: — → chat*, idiot")
                    .contains("api:operator");
            screenshot(browser, "panel-automod.png");
            accessible(browser, "panel-automod");
            ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("document.querySelector('table').scrollIntoView()");
            screenshot(browser, "panel-history.png");
            accessible(browser, "panel-history");

            var caps = find(browser, By.id("caps-maxPercent"));
            caps.clear();
            caps.sendKeys("400");
            find(browser, By.id("save-caps")).click();
            wait.until(d -> !d.findElements(By.cssSelector(".problem")).isEmpty());
            assertThat(find(browser, By.cssSelector(".problem")).getText()).contains("maxPercent");

            // moderation settings: a DM template saved, an unknown placeholder refused, a report limit out of range
            // refused
            browser.get(base + "/panel/guilds/" + GUILD + "/moderation");
            var template = find(browser, By.id("general-dmTemplate"));
            template.clear();
            template.sendKeys("{member}, {kind} on {server}: {reason}");
            find(browser, By.id("save-general")).click();
            wait.until(d -> !d.findElements(By.cssSelector(".notice")).isEmpty());
            assertThat(find(browser, By.id("general-dmTemplate")).getAttribute("value"))
                    .isEqualTo("{member}, {kind} on {server}: {reason}");
            template = find(browser, By.id("general-dmTemplate"));
            template.clear();
            template.sendKeys("{nope}");
            find(browser, By.id("save-general")).click();
            wait.until(d -> !d.findElements(By.cssSelector(".problem")).isEmpty());
            assertThat(find(browser, By.cssSelector(".problem")).getText()).contains("{nope}");
            var perHour = find(browser, By.id("reports-perHour"));
            perHour.clear();
            perHour.sendKeys("500");
            find(browser, By.id("save-reports")).click();
            wait.until(d -> d.findElements(By.cssSelector(".problem")).stream()
                    .anyMatch(p -> p.getText().contains("perHour")));
            screenshot(browser, "panel-moderation.png");
            accessible(browser, "panel-moderation");

            // presets of /mod: one added and listed, a timeout without duration refused and nothing added, one removed
            find(browser, By.id("preset-name")).sendKeys("spam");
            new org.openqa.selenium.support.ui.Select(find(browser, By.id("preset-kind"))).selectByValue("TIMEOUT");
            find(browser, By.id("preset-duration")).sendKeys("2h");
            find(browser, By.id("preset-reason")).sendKeys("Spam in the channels");
            find(browser, By.id("preset-roles")).sendKeys("123456789012345678");
            find(browser, By.id("save-preset")).click();
            wait.until(d -> d.findElements(By.cssSelector(".notice")).stream()
                    .anyMatch(p -> p.getText().startsWith("Preset spam saved")));
            assertThat(find(browser, By.cssSelector("#preset-list tbody tr")).getText())
                    .startsWith("spam TIMEOUT 2h Spam in the channels")
                    .contains("123456789012345678");
            find(browser, By.id("preset-name")).sendKeys("quiet");
            new org.openqa.selenium.support.ui.Select(find(browser, By.id("preset-kind"))).selectByValue("TIMEOUT");
            find(browser, By.id("save-preset")).click();
            wait.until(d -> !d.findElements(By.cssSelector(".problem")).isEmpty());
            assertThat(find(browser, By.cssSelector(".problem")).getText()).contains("needs a duration");
            assertThat(browser.findElements(By.cssSelector("#preset-list tbody tr")))
                    .hasSize(1);
            screenshot(browser, "panel-presets.png");
            accessible(browser, "panel-presets");
            find(browser, By.id("remove-preset-spam")).click();
            wait.until(d -> !d.findElements(By.cssSelector(".notice")).isEmpty());
            assertThat(browser.findElements(By.id("preset-list"))).isEmpty();

            // a sanction rule added, a refused one explained, turned off
            browser.get(base + "/panel/guilds/" + GUILD + "/rules");
            new org.openqa.selenium.support.ui.Select(find(browser, By.id("infractionType")))
                    .selectByValue("vocabulary");
            find(browser, By.id("threshold")).sendKeys("3");
            find(browser, By.id("window")).sendKeys("10m");
            new org.openqa.selenium.support.ui.Select(find(browser, By.id("sanction"))).selectByValue("timeout");
            find(browser, By.id("duration")).sendKeys("1h");
            find(browser, By.id("add-rule")).click();
            wait.until(d -> !d.findElements(By.cssSelector("#rules tr")).isEmpty());
            assertThat(find(browser, By.cssSelector("#rules tr")).getText())
                    .startsWith("3 vocabulary infraction(s) within 10m → timeout 1h");
            find(browser, By.id("threshold")).sendKeys("3");
            find(browser, By.id("window")).sendKeys("10m");
            new org.openqa.selenium.support.ui.Select(find(browser, By.id("sanction"))).selectByValue("timeout");
            find(browser, By.id("add-rule")).click();
            wait.until(d -> !d.findElements(By.cssSelector(".problem")).isEmpty());
            assertThat(browser.findElements(By.cssSelector("#rules tr")))
                    .as("a timeout without duration is refused")
                    .hasSize(1);
            find(browser, By.cssSelector("#rules tr button")).click();
            wait.until(d -> d.findElement(By.cssSelector("#rules tr"))
                    .getAttribute("class")
                    .contains("pardoned"));
            screenshot(browser, "panel-rules.png");
            accessible(browser, "panel-rules");

            browser.get(base + "/panel/guilds/" + GUILD + "/members");
            find(browser, By.id("user")).sendKeys(USER);
            find(browser, By.id("look-up")).click();
            wait.until(d -> !d.findElements(By.id("entry-panel-" + USER)).isEmpty());
            assertThat(find(browser, By.id("entry-panel-" + USER)).getText())
                    .contains("SPAM")
                    .contains("flood in #general");
            find(browser, By.id("reason-panel-" + USER)).sendKeys("false positive");
            find(browser, By.id("pardon-panel-" + USER)).click();
            wait.withMessage(() -> browser.getPageSource())
                    .until(d -> d.findElements(By.cssSelector(".notice")).stream()
                            .anyMatch(n -> n.getText().equals("Infraction panel-" + USER + " pardoned.")));
            wait.until(d -> {
                d.navigate().refresh();
                return d.findElement(By.id("entry-panel-" + USER))
                        .getAttribute("class")
                        .contains("pardoned");
            });
            assertThat(browser.findElements(By.cssSelector("#chart rect"))).hasSize(2);
            screenshot(browser, "panel-member.png");
            accessible(browser, "panel-member");

            // the standing in half an hour: the infraction is pardoned, the timeout still runs
            String inHalfAnHour = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
                    .plusMinutes(30)
                    .withSecond(0)
                    .withNano(0)
                    .toString();
            browser.get(base + "/panel/guilds/" + GUILD + "/members?user=" + USER + "&at=" + inHalfAnHour);
            assertThat(find(browser, By.id("standing-result")).getText())
                    .contains("0 active infraction(s), 1 sanction(s) in force")
                    .contains("flood again");
            find(browser, By.id("why-" + sanction)).click();
            textOnceShown(browser, By.tagName("h1"), "Sanction " + sanction);
            assertThat(find(browser, By.id("reason")).getText()).isEqualTo("flood again");
            assertThat(find(browser, By.id("by")).getText()).startsWith("api:operator");

            // cases by the numbers moderators read in Discord: a sanction's opens its page, an infraction's the
            // member's log at that case, an unknown one says so
            String sanctionCase = find(browser, By.id("case")).getText();
            assertThat(sanctionCase).matches("#\\d+");
            browser.get(base + "/panel/guilds/" + GUILD + "/members?user=" + USER);
            String infractionCase = find(browser, By.cssSelector("#entry-panel-" + USER + " .case"))
                    .getText();
            assertThat(infractionCase).matches("#\\d+").isNotEqualTo(sanctionCase);
            find(browser, By.id("case-number")).sendKeys(sanctionCase);
            find(browser, By.id("open-case")).click();
            textOnceShown(browser, By.tagName("h1"), "Sanction " + sanction);
            browser.get(base + "/panel/guilds/" + GUILD + "/members");
            find(browser, By.id("case-number")).sendKeys(infractionCase.substring(1));
            find(browser, By.id("open-case")).click();
            wait.until(d -> d.findElements(By.cssSelector("tr.focused")).stream()
                    .anyMatch(row -> ("entry-panel-" + USER).equals(row.getAttribute("id"))));
            find(browser, By.id("case-number")).sendKeys("999999");
            find(browser, By.id("open-case")).click();
            wait.until(d -> d.findElements(By.cssSelector(".problem")).stream()
                    .anyMatch(p -> p.getText().equals("There is no case 999999 on this server.")));

            browser.get(base + "/panel/guilds/" + GUILD + "/timeline");
            assertThat(find(browser, By.id("events")).getText())
                    .contains("InfractionPardoned")
                    .contains("SanctionDecided");
            screenshot(browser, "panel-timeline.png");
            accessible(browser, "panel-timeline");

            // a backtest of an export against the current policy (vocabulary on since the change above), then a bad
            // draft
            Path export = Files.createTempFile("export", ".json");
            Files.writeString(export, EXPORT);
            browser.get(base + "/panel/guilds/" + GUILD + "/backtest");
            find(browser, By.id("export")).sendKeys(export.toString());
            find(browser, By.id("run")).click();
            wait.until(d -> !d.findElements(By.id("per-module")).isEmpty());
            assertThat(find(browser, By.tagName("h2")).getText()).isEqualTo("1 of 3 messages flagged");
            assertThat(find(browser, By.id("module-vocabulary")).getText()).isEqualTo("vocabulary 1");
            browser.switchTo().frame("report");
            assertThat(find(browser, By.tagName("mark")).getText()).isEqualTo("c h a t");
            browser.switchTo().defaultContent();
            screenshot(browser, "panel-backtest.png");
            accessible(browser, "panel-backtest");
            find(browser, By.id("export")).sendKeys(export.toString());
            find(browser, By.id("policy-draft")).click();
            find(browser, By.id("draft-text")).sendKeys("{\"vocabulary\": {\"enabled\": tru");
            find(browser, By.id("run")).click();
            wait.until(d -> !d.findElements(By.cssSelector(".problem")).isEmpty());
            assertThat(find(browser, By.cssSelector(".problem")).getText()).contains("policy.json");

            // the operator replays every read model and follows its progress to the end
            browser.get(base + "/panel");
            find(browser, By.id("replay")).click();
            find(browser, By.id("start-replay")).click();
            wait.withTimeout(Duration.ofSeconds(120))
                    .until(d -> d.findElement(By.id("replay-state")).getText().equals("The last replay is done."));
            assertThat(find(browser, By.cssSelector("label[for=replay-progress]"))
                            .getText())
                    .endsWith("(100 %)");
            assertThat(find(browser, By.id("replay-finished")).getText()).isNotBlank();
            screenshot(browser, "panel-replay.png");
            accessible(browser, "panel-replay");
            // a server's admin is not an operator: no replay
            find(browser, By.cssSelector("nav a")).click();
            find(browser, By.cssSelector("nav form button")).click();
            signIn(browser, ADMIN_A);
            assertThat(browser.findElements(By.id("replay"))).isEmpty();
            browser.get(base + "/panel/replay");
            assertThat(browser.getPageSource()).doesNotContain("start-replay");
        } finally {
            browser.quit();
        }
    }

    private static final String EXPORT = """
            {"guild": {"id": "1001", "name": "Test"}, "channel": {"id": "10", "name": "general"},
             "messages": [
               {"id": "1", "timestamp": "2026-03-01T10:00:00+00:00", "content": "hello there",
                "author": {"id": "500", "name": "a", "isBot": false, "roles": []}, "mentions": []},
               {"id": "2", "timestamp": "2026-03-01T10:00:01+00:00", "content": "les c h a t s",
                "author": {"id": "500", "name": "a", "isBot": false, "roles": []}, "mentions": []},
               {"id": "3", "timestamp": "2026-03-01T10:00:02+00:00", "content": "nothing to see",
                "author": {"id": "501", "name": "b", "isBot": false, "roles": []}, "mentions": []}
             ]}""";

    private static void signIn(WebDriver browser, String token) {
        find(browser, By.id("token")).sendKeys(token);
        find(browser, By.id("sign-in")).click();
    }
}
