package warden.ledger;

import warden.common.Actor;
import warden.common.GuildEvent;
import warden.common.MemberEvent;
import warden.sanctions.InfractionPardoned;
import warden.sanctions.InfractionRecorded;
import warden.sanctions.InfractionType;
import warden.sanctions.NoteAdded;
import warden.sanctions.SanctionApplied;
import warden.sanctions.SanctionDecided;
import warden.sanctions.SanctionExpired;
import warden.sanctions.SanctionFailed;
import warden.sanctions.SanctionKind;
import warden.sanctions.SanctionLifted;

/**
 * The searchable columns of an audit row; the full event is kept beside them as JSON. Events of other features
 * are audited with their type and time only until they add a case here.
 */
record AuditSummary(Long userId, String refId, InfractionType infractionType, SanctionKind sanctionKind, Actor actor,
                    String reason) {

    static AuditSummary of(GuildEvent event) {
        Long user = event instanceof MemberEvent m ? m.member().user().value() : null;
        if (event instanceof InfractionRecorded e) {
            return new AuditSummary(user, e.infractionId().value(), e.type(), null, e.by(), e.reason());
        }
        if (event instanceof InfractionPardoned e) {
            return new AuditSummary(user, e.infractionId().value(), null, null, e.by(), e.reason());
        }
        if (event instanceof NoteAdded e) {
            return new AuditSummary(user, e.noteId().value(), null, null, e.by(), e.text());
        }
        if (event instanceof SanctionDecided e) {
            return new AuditSummary(user, e.sanctionId().value(), null, e.sanction().kind(), e.decidedBy(), e.reason());
        }
        if (event instanceof SanctionApplied e) {
            return new AuditSummary(user, e.sanctionId().value(), null, e.kind(), null, null);
        }
        if (event instanceof SanctionFailed e) {
            return new AuditSummary(user, e.sanctionId().value(), null, e.kind(), null, e.reason());
        }
        if (event instanceof SanctionExpired e) {
            return new AuditSummary(user, e.sanctionId().value(), null, e.kind(), null, null);
        }
        if (event instanceof SanctionLifted e) {
            return new AuditSummary(user, e.sanctionId().value(), null, e.kind(), e.by(), e.reason());
        }
        if (event instanceof warden.sanctions.SanctionTextEdited e) {
            return new AuditSummary(user, e.sanctionId().value(), null, e.kind(), e.by(), e.after());
        }
        if (event instanceof warden.sanctions.SanctionRetimed e) {
            return new AuditSummary(user, e.sanctionId().value(), null, e.kind(), e.by(), e.reason());
        }
        if (event instanceof warden.sanctions.SanctionRemoved e) {
            return new AuditSummary(user, e.sanctionId().value(), null, e.kind(), e.by(), e.reason());
        }
        if (event instanceof warden.backup.BackupTaken e) return new AuditSummary(null, e.backupId(), null, null, e.by(), e.label());
        if (event instanceof warden.backup.BackupDeleted e) return new AuditSummary(null, e.backupId(), null, null, e.by(), null);
        if (event instanceof warden.backup.RestoreStarted e) return new AuditSummary(null, e.restoreId(), null, null, e.by(), e.backupId());
        if (event instanceof warden.sanctions.EvidenceImageAttached e) {
            return new AuditSummary(user, e.targetId(), null, null, e.by(), e.image().url());
        }
        if (event instanceof warden.sanctions.EvidenceImageDetached e) {
            return new AuditSummary(user, e.targetId(), null, null, e.by(), e.sha256());
        }
        if (event instanceof warden.interserver.FrequencyCreated e) {
            return new AuditSummary(user, e.frequency().shortId() + "/" + e.channel(), null, null, e.by(), null);
        }
        if (event instanceof warden.interserver.ChannelLinked e) {
            return new AuditSummary(user, e.frequency().shortId() + "/" + e.channel(), null, null, e.by(), null);
        }
        if (event instanceof warden.interserver.ChannelUnlinked e) {
            return new AuditSummary(user, e.frequency().shortId() + "/" + e.channel(), null, null, e.by(), e.reason().name());
        }
        if (event instanceof warden.config.PolicyEvent e) {
            return new AuditSummary(user, "v" + e.version(), null, null, null, null);
        }
        return new AuditSummary(user, null, null, null, null, null);
    }
}
