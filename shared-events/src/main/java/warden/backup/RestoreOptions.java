package warden.backup;

/**
 * What a restore touches: {@code deletions} removes what the backup did not have; {@code structure} the settings,
 * roles and channels; {@code memberRoles} gives members back the roles they held.
 */
public record RestoreOptions(boolean deletions, boolean structure, boolean memberRoles) {

    public static final RestoreOptions ALL = new RestoreOptions(true, true, true);

    /** The options of a mode name ({@code all}, {@code structure}, {@code member-roles}), deletions as asked. */
    public static RestoreOptions of(String mode, boolean skipDeletions) {
        String m = mode == null ? "all" : mode;
        return switch (m) {
            case "all" -> new RestoreOptions(!skipDeletions, true, true);
            case "structure" -> new RestoreOptions(!skipDeletions, true, false);
            case "member-roles" -> new RestoreOptions(false, false, true);
            default -> throw warden.common.InvalidValueException.forField("mode", "error.backup.mode", m);
        };
    }
}
