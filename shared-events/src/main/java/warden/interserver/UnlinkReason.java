package warden.interserver;

/** Why a channel left its frequency. */
public enum UnlinkReason {
    /** {@code /interserver unlink} or the command's equivalent. */
    COMMAND,
    /** The trash-can reaction under {@code !interserveur}'s status message. */
    TRASH_REACTION,
    /** The channel was deleted. */
    CHANNEL_DELETED,
    /** Warden was removed from the server. */
    BOT_REMOVED,
    /** Warden's webhook in the channel is gone and could not be recreated. */
    WEBHOOK_LOST
}
