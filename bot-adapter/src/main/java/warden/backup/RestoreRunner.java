package warden.backup;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.UserSnowflake;
import net.dv8tion.jda.api.entities.channel.concrete.Category;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.HierarchyException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.managers.channel.ChannelManager;
import net.dv8tion.jda.api.managers.channel.attribute.IAgeRestrictedChannelManager;
import net.dv8tion.jda.api.managers.channel.attribute.ICategorizableChannelManager;
import net.dv8tion.jda.api.managers.channel.attribute.IPermissionContainerManager;
import net.dv8tion.jda.api.managers.channel.attribute.ISlowmodeChannelManager;
import net.dv8tion.jda.api.managers.channel.middleman.StandardGuildMessageChannelManager;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.restaction.ChannelAction;
import warden.backup.ServerSnapshot.ChannelSnapshot;
import warden.backup.ServerSnapshot.OverwriteSnapshot;
import warden.backup.ServerSnapshot.RoleSnapshot;

/**
 * Carries out one restore step on Discord. Every step is safe to run twice: before creating, it looks for what an
 * interrupted run may have created already (by the id it recorded, then by name); a deletion of something already gone,
 * or a member who left, is skipped. JDA waits out Discord's rate limits between requests.
 */
final class RestoreRunner {

    /** A step's outcome, with the id of what it created. */
    record Result(StepOutcome outcome, String createdId, String detail) {
        static Result done(String createdId) {
            return new Result(StepOutcome.DONE, createdId, null);
        }

        static Result skipped(String detail, String createdId) {
            return new Result(StepOutcome.SKIPPED, createdId, detail);
        }
    }

    private final Guild guild;
    private final ServerSnapshot backup;
    /** Backup id -> id on Discord of what this restore created. */
    private final Map<String, String> created;

    private final String reason;

    RestoreRunner(Guild guild, ServerSnapshot backup, Map<String, String> created, String reason) {
        this.guild = guild;
        this.backup = backup;
        this.created = created;
        this.reason = reason;
    }

    /** Runs a step; Discord's refusals become a failed outcome, a node shutting down an exception (resumed later). */
    Result run(RestoreStep step) {
        try {
            Result result = execute(step);
            if (result.createdId() != null) created.put(step.target(), result.createdId());
            return result;
        } catch (ErrorResponseException e) {
            if (e.isServerError()) throw e; // Discord is down: the restore resumes later
            if (EnumSet.of(ErrorResponse.UNKNOWN_MEMBER, ErrorResponse.UNKNOWN_CHANNEL, ErrorResponse.UNKNOWN_ROLE)
                    .contains(e.getErrorResponse())) {
                return Result.skipped(e.getMeaning(), null);
            }
            return new Result(StepOutcome.FAILED, null, e.getMeaning());
        } catch (InsufficientPermissionException e) {
            return new Result(
                    StepOutcome.FAILED,
                    null,
                    "Missing permission: " + e.getPermission().getName());
        } catch (HierarchyException e) {
            return new Result(StepOutcome.FAILED, null, e.getMessage());
        } catch (IllegalArgumentException | IllegalStateException e) {
            JDA.Status status = guild.getJDA().getStatus();
            if (status == JDA.Status.SHUTTING_DOWN || status == JDA.Status.SHUTDOWN) throw e;
            return new Result(StepOutcome.FAILED, null, e.getMessage());
        }
    }

    private Result execute(RestoreStep step) {
        return switch (step.kind()) {
            case CREATE_ROLE -> createRole(backup.role(step.target()));
            case UPDATE_ROLE -> updateRole(backup.role(step.target()));
            case DELETE_ROLE -> {
                Role role = guild.getRoleById(step.target());
                if (role == null) yield Result.skipped("already gone", null);
                role.delete().reason(reason).complete();
                yield Result.done(null);
            }
            case CREATE_CATEGORY, CREATE_CHANNEL -> createChannel(backup.channel(step.target()));
            case UPDATE_CHANNEL -> updateChannel(backup.channel(step.target()));
            case DELETE_CHANNEL -> {
                GuildChannel channel = guild.getGuildChannelById(step.target());
                if (channel == null) yield Result.skipped("already gone", null);
                channel.delete().reason(reason).complete();
                yield Result.done(null);
            }
            case UPDATE_SERVER -> updateServer();
            case ADD_MEMBER_ROLES -> memberRoles(step);
        };
    }

    // ------------------------------------------------------------------ finding what exists

    Role role(String backupId) {
        RoleSnapshot b = backup.role(backupId);
        if (b != null && b.everyone()) return guild.getPublicRole();
        String id = created.getOrDefault(backupId, backupId);
        Role role = guild.getRoleById(id);
        if (role != null || b == null) return role;
        return guild.getRolesByName(b.name(), false).stream()
                .filter(r -> !r.isManaged() && !r.isPublicRole())
                .findFirst()
                .orElse(null);
    }

    GuildChannel channel(String backupId) {
        ChannelSnapshot b = backup.channel(backupId);
        GuildChannel channel = guild.getGuildChannelById(created.getOrDefault(backupId, backupId));
        if (channel != null || b == null) return channel;
        return guild.getChannels().stream()
                .filter(c -> c.getName().equals(b.name()) && c.getType().name().equals(b.type()))
                .findFirst()
                .orElse(null);
    }

    // ------------------------------------------------------------------ roles

    private Result createRole(RoleSnapshot b) {
        Role existing = role(b.id());
        if (existing != null) return Result.skipped("already there", existing.getId());
        Role role = guild.createRole()
                .setName(b.name())
                .setPermissions(b.permissions())
                .setColor(b.color() == Role.DEFAULT_COLOR_RAW ? null : b.color())
                .setHoisted(b.hoist())
                .setMentionable(b.mentionable())
                .reason(reason)
                .complete();
        return Result.done(role.getId());
    }

    private Result updateRole(RoleSnapshot b) {
        Role role = role(b.id());
        if (role == null) return Result.skipped("not found", null);
        var manager = role.getManager().setPermissions(b.permissions());
        if (!b.everyone())
            manager = manager.setName(b.name())
                    .setColor(b.color())
                    .setHoisted(b.hoist())
                    .setMentionable(b.mentionable());
        manager.reason(reason).complete();
        return Result.done(null);
    }

    // ------------------------------------------------------------------ channels

    private Result createChannel(ChannelSnapshot b) {
        GuildChannel existing = channel(b.id());
        if (existing != null) return Result.skipped("already there", existing.getId());
        Category parent = b.parent() == null || !(channel(b.parent()) instanceof Category c) ? null : c;
        ChannelAction<? extends GuildChannel> action = switch (b.type()) {
            case "CATEGORY" -> guild.createCategory(b.name());
            case "VOICE" -> guild.createVoiceChannel(b.name(), parent);
            case "STAGE" -> guild.createStageChannel(b.name(), parent);
            case "NEWS" ->
                guild.createNewsChannel(b.name(), parent).setTopic(b.topic()).setNSFW(b.nsfw());
            case "FORUM" ->
                guild.createForumChannel(b.name(), parent).setTopic(b.topic()).setNSFW(b.nsfw());
            default ->
                guild.createTextChannel(b.name(), parent)
                        .setTopic(b.topic())
                        .setSlowmode(b.slowmode())
                        .setNSFW(b.nsfw());
        };
        action = action.setPosition(b.position());
        for (Overwrite o : overwrites(b)) {
            action = o.role()
                    ? action.addRolePermissionOverride(o.id(), o.allow(), o.deny())
                    : action.addMemberPermissionOverride(o.id(), o.allow(), o.deny());
        }
        GuildChannel channel = action.reason(reason).complete();
        return Result.done(channel.getId());
    }

    private record Overwrite(long id, boolean role, long allow, long deny) {}

    /** The backup's overwrites, for today's roles; one for a role that could not be recreated is left out. */
    private List<Overwrite> overwrites(ChannelSnapshot b) {
        List<Overwrite> overwrites = new ArrayList<>();
        for (OverwriteSnapshot o : b.overwrites()) {
            if (o.role()) {
                Role role = role(o.target());
                if (role != null) overwrites.add(new Overwrite(role.getIdLong(), true, o.allow(), o.deny()));
            } else {
                overwrites.add(new Overwrite(Long.parseLong(o.target()), false, o.allow(), o.deny()));
            }
        }
        return overwrites;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private Result updateChannel(ChannelSnapshot b) {
        GuildChannel channel = channel(b.id());
        if (channel == null) return Result.skipped("not found", null);
        ChannelManager manager = channel.getManager().setName(b.name());
        if (manager instanceof StandardGuildMessageChannelManager m) manager = m.setTopic(b.topic());
        if (manager instanceof ISlowmodeChannelManager m) manager = m.setSlowmode(b.slowmode());
        if (manager instanceof IAgeRestrictedChannelManager m) manager = m.setNSFW(b.nsfw());
        if (manager instanceof ICategorizableChannelManager m) {
            manager = m.setParent(b.parent() != null && channel(b.parent()) instanceof Category c ? c : null);
        }
        if (manager instanceof IPermissionContainerManager m
                && channel instanceof net.dv8tion.jda.api.entities.channel.attribute.IPermissionContainer container) {
            List<Overwrite> wanted = overwrites(b);
            for (var existing : container.getPermissionOverrides()) {
                if (wanted.stream().noneMatch(o -> o.id() == existing.getIdLong()))
                    m = (IPermissionContainerManager) m.removePermissionOverride(existing.getIdLong());
            }
            for (Overwrite o : wanted) {
                m = (IPermissionContainerManager)
                        (o.role()
                                ? m.putRolePermissionOverride(o.id(), o.allow(), o.deny())
                                : m.putMemberPermissionOverride(o.id(), o.allow(), o.deny()));
            }
            manager = m;
        }
        manager.reason(reason).complete();
        return Result.done(null);
    }

    // ------------------------------------------------------------------ server and members

    private Result updateServer() {
        var manager = guild.getManager();
        if (!Objects.equals(backup.name(), guild.getName())) manager = manager.setName(backup.name());
        if (backup.verificationLevel() != null
                && !backup.verificationLevel()
                        .equals(guild.getVerificationLevel().name())) {
            manager = manager.setVerificationLevel(Guild.VerificationLevel.valueOf(backup.verificationLevel()));
        }
        if (backup.systemChannel() != null
                && channel(backup.systemChannel()) instanceof TextChannel system
                && (guild.getSystemChannel() == null || guild.getSystemChannel().getIdLong() != system.getIdLong())) {
            manager = manager.setSystemChannel(system);
        }
        manager.reason(reason).complete();
        return Result.done(null);
    }

    private Result memberRoles(RestoreStep step) {
        UserSnowflake member = UserSnowflake.fromId(step.target());
        int given = 0;
        List<String> missing = new ArrayList<>();
        for (String backupRole : step.changes()) {
            Role role = role(backupRole);
            if (role == null) {
                missing.add(backupRole);
                continue;
            }
            guild.addRoleToMember(member, role).reason(reason).complete();
            given++;
        }
        if (given == 0) return Result.skipped("roles not found: " + missing, null);
        return missing.isEmpty()
                ? Result.done(null)
                : new Result(StepOutcome.DONE, null, "roles not found: " + missing);
    }
}
