package warden.sanctions;

/** Deadline payload: the planned end of a temporary sanction. Stored by db-scheduler, so it survives restarts. */
record SanctionExpiryDue(SanctionId sanctionId) {}
