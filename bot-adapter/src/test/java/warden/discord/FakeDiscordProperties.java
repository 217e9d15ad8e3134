package warden.discord;

import org.springframework.test.context.DynamicPropertyRegistry;
import warden.fakediscord.FakeDiscordExtension;

/** Points the application under test at a fake Discord: a token, its REST and gateway addresses. */
public final class FakeDiscordProperties {
    private FakeDiscordProperties() {}

    public static void register(DynamicPropertyRegistry registry, FakeDiscordExtension discord) {
        registry.add("warden.discord.token", () -> "fake-bot-token");
        registry.add("warden.discord.api-base-url", () -> discord.discord().restBaseUrl());
        registry.add("warden.discord.gateway-url", () -> discord.discord().gatewayUrl());
    }
}
