package warden.backup;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import warden.common.GuildEvent;
import warden.common.GuildId;

/** One step of a restore ended; {@code createdId} is the Discord id of what it created, so later steps can refer to it. */
@Revision("1")
public record RestoreStepRecorded(
        GuildId guild,
        String restoreId,
        int index,
        StepOutcome outcome,
        String createdId,
        String detail,
        Instant occurredAt)
        implements GuildEvent {}
