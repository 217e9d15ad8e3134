package warden.sandbox;

import warden.fakediscord.FakeDiscord;

/** The sandbox's fake Discord and its demo world, handed to the application that runs against them. */
public record SandboxDiscord(FakeDiscord discord, Sandbox.Demo demo) {}
