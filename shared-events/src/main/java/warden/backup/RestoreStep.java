package warden.backup;

import java.util.List;

/**
 * One step of a restore plan. {@code target} is the id in the backup of the role, channel or member the step is about
 * (for a deletion, the id of what exists now); {@code changes} names what an update changes, or the roles a member
 * gets back.
 */
public record RestoreStep(int index, Kind kind, String target, String name, List<String> changes) {

    public RestoreStep {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public enum Kind {
        UPDATE_SERVER,
        CREATE_ROLE,
        UPDATE_ROLE,
        DELETE_ROLE,
        CREATE_CATEGORY,
        CREATE_CHANNEL,
        UPDATE_CHANNEL,
        DELETE_CHANNEL,
        ADD_MEMBER_ROLES
    }
}
