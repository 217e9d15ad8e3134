package warden.sanctions;

/** What an evidence image supports. */
public enum EvidenceTarget {
    SANCTION,
    INFRACTION
}
