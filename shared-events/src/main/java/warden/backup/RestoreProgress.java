package warden.backup;

import java.util.Map;
import java.util.Set;

/** Where a restore stands: the steps that ended, and the ids of what the done steps created (backup id -> new id). */
public record RestoreProgress(boolean running, Set<Integer> ended, Map<String, String> created) {}
