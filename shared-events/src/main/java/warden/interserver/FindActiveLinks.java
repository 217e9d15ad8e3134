package warden.interserver;

/** Every channel currently linked, with its frequency: what the relay needs to know. */
public record FindActiveLinks() {}
