package warden.automod;

/** The Discord markdown a guild may forbid. */
public enum MarkdownKind {
    CODE_BLOCK,
    INLINE_CODE,
    MASKED_LINK,
    SPOILER,
    HEADING,
    SUBTEXT,
    LIST,
    QUOTE
}
