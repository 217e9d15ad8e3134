package warden.ledger;

/**
 * A case: the number a server's moderators type ({@code #42}) and what it names.
 *
 * @param refId  the infraction's, sanction's or note's id
 * @param kind   {@code infraction}, {@code sanction} or {@code note}
 * @param userId the member it is about
 */
public record Case(long number, String refId, String kind, String userId) {}
