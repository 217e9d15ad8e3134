package warden.backup;

/** What became of a restore step: done, failed (with Discord's reason), or skipped (nothing left to do). */
public enum StepOutcome {
    DONE,
    FAILED,
    SKIPPED
}
