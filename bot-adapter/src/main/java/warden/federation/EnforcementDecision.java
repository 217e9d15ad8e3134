package warden.federation;

import java.util.Set;

/**
 * What a server does with an entry of the shared list, from its subscription and the member as they are: pure, so the
 * rules are one table ({@code EnforcementDecisionTest}). The never-ban set always wins: the server's owner, Warden
 * itself, listed users and members holding a listed staff role are never banned by the federation.
 */
public final class EnforcementDecision {

    public enum Action {
        /** Ban now (a user who is not a member is banned ahead of joining). */
        BAN,
        /** Tell the moderators, with buttons to ban or set the entry aside. */
        ALERT,
        /** Ask the moderators to approve the entry first. */
        ASK_APPROVAL,
        SKIP_OVERRIDE,
        SKIP_NEVER_BAN,
        /** Nothing now: not subscribed, suspended, or an alert waiting for the user to join. */
        NOTHING
    }

    /** The target as the server sees it; {@code roles} null when they are not a member. */
    public record Target(String user, boolean owner, boolean self, Set<String> roles) {
        boolean member() {
            return roles != null;
        }
    }

    private EnforcementDecision() {}

    public static Action decide(FederationView.Partner partner, boolean overridden, Target target) {
        if (partner == null || !partner.subscribe() || partner.suspended()) return Action.NOTHING;
        if (overridden) return Action.SKIP_OVERRIDE;
        if (target.owner()
                || target.self()
                || partner.neverUsers().contains(target.user())
                || target.member() && target.roles().stream().anyMatch(partner.neverRoles()::contains)) {
            return Action.SKIP_NEVER_BAN;
        }
        return switch (partner.mode()) {
            case AUTOMATIC -> Action.BAN;
            case APPROVE -> Action.ASK_APPROVAL;
            case ALERT -> target.member() ? Action.ALERT : Action.NOTHING;
        };
    }
}
