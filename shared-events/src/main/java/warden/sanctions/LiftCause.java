package warden.sanctions;

/** Why a lasting sanction ended before its time. */
public enum LiftCause {
    /** A moderator lifted it: the executor undoes it on Discord. */
    LIFTED,
    /** An unban was decided: the unban itself is carried out by that sanction. */
    UNBANNED,
    /** It was lifted on Discord, outside Warden: nothing is left to undo there. */
    ON_DISCORD
}
