package warden.config;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import warden.common.InvalidValueException;
import warden.sanctions.SanctionKind;

/**
 * How a guild's moderation speaks: whether command answers are only for the moderator, whether sanctions are shown in
 * the channel by default, and the DM a member gets for each kind of sanction.
 *
 * @param hideResponses   command answers are seen by the moderator only (ephemeral)
 * @param showPublicly    lists and entries are also posted in the channel unless asked otherwise
 * @param dmKinds         the sanctions a member is told about by DM
 * @param dmTemplate      the DM's text with {@link #PLACEHOLDERS}, or null for Warden's own text in the server's language
 * @param dmHideModerator the DM does not name the moderator
 * @param presets         predefined sanctions for {@code /mod}, at most {@link #MAX_PRESETS}
 * @param raid            when joins mean a raid, and how long the lockdown lasts
 * @param reports         where members' reports go, and how many a member may file per hour
 * @param countOutsideActs whether bans, kicks and timeouts made on Discord outside Warden (its menu, other bots) count
 *                        toward the automatic sanction rules, as an infraction each (default: yes)
 * @param modLogChannel   the channel every case is posted to (and its post edited when the case changes), or null
 * @param recordServerAutoMod whether messages blocked by the server's own native AutoMod rules (not Warden's) are
 *                        recorded as infractions too, counted by the rules like any other (default: no)
 * @param messageLogChannel the channel where deleted and edited messages are shown with what they said, or null
 */
public record ModerationSettings(
        boolean hideResponses,
        boolean showPublicly,
        Set<SanctionKind> dmKinds,
        String dmTemplate,
        boolean dmHideModerator,
        List<Preset> presets,
        RaidSettings raid,
        ReportSettings reports,
        Boolean countOutsideActs,
        String modLogChannel,
        Boolean recordServerAutoMod,
        String messageLogChannel) {

    public ModerationSettings(
            boolean hideResponses,
            boolean showPublicly,
            Set<SanctionKind> dmKinds,
            String dmTemplate,
            boolean dmHideModerator,
            List<Preset> presets,
            RaidSettings raid,
            ReportSettings reports) {
        this(
                hideResponses,
                showPublicly,
                dmKinds,
                dmTemplate,
                dmHideModerator,
                presets,
                raid,
                reports,
                null,
                null,
                null,
                null);
    }

    /**
     * Reports (signalements): {@code channel} is where they land for the moderators (the system channel when unset);
     * a member may file {@code perHour} of them in an hour, so that reporting cannot be used to flood the team.
     */
    public record ReportSettings(String channel, Integer perHour) {
        public ReportSettings {
            if (perHour == null) perHour = 5;
            channel = channel == null || channel.isBlank() ? null : channel.strip();
        }

        public static ReportSettings defaults() {
            return new ReportSettings(null, null);
        }

        void validate() {
            if (perHour < 1 || perHour > 100)
                throw InvalidValueException.forField(
                        "reports.perHour", "error.setting.range", "perHour", 1, 100, perHour);
            if (channel != null) warden.common.ChannelId.of(channel);
        }
    }

    public ModerationSettings(
            boolean hideResponses,
            boolean showPublicly,
            Set<SanctionKind> dmKinds,
            String dmTemplate,
            boolean dmHideModerator,
            List<Preset> presets,
            RaidSettings raid) {
        this(hideResponses, showPublicly, dmKinds, dmTemplate, dmHideModerator, presets, raid, null);
    }

    /**
     * Raid detection: {@code joins} members joining within {@code window} start raid mode, which pauses invites and DMs
     * and raises verification for {@code lockdown} (Discord allows 24 hours at most), unless an admin ends it sooner.
     */
    public record RaidSettings(boolean detect, Integer joins, java.time.Duration window, java.time.Duration lockdown) {
        public RaidSettings {
            if (joins == null) joins = 10;
            if (window == null) window = java.time.Duration.ofSeconds(10);
            if (lockdown == null) lockdown = java.time.Duration.ofHours(1);
        }

        public static RaidSettings defaults() {
            return new RaidSettings(true, null, null, null);
        }

        void validate() {
            if (joins < 2 || joins > 1000)
                throw InvalidValueException.forField("raid.joins", "error.setting.range", "joins", 2, 1000, joins);
            if (window.compareTo(java.time.Duration.ofSeconds(1)) < 0
                    || window.compareTo(java.time.Duration.ofMinutes(10)) > 0) {
                throw InvalidValueException.forField(
                        "raid.window", "error.setting.window", "window", "PT1S", "PT10M", window.toString());
            }
            if (lockdown.compareTo(java.time.Duration.ofMinutes(5)) < 0
                    || lockdown.compareTo(java.time.Duration.ofHours(24)) > 0) {
                throw InvalidValueException.forField(
                        "raid.lockdown", "error.setting.window", "lockdown", "PT5M", "PT24H", lockdown.toString());
            }
        }
    }

    public ModerationSettings(
            boolean hideResponses,
            boolean showPublicly,
            Set<SanctionKind> dmKinds,
            String dmTemplate,
            boolean dmHideModerator,
            List<Preset> presets) {
        this(hideResponses, showPublicly, dmKinds, dmTemplate, dmHideModerator, presets, null, null);
    }

    /** Discord's autocomplete shows at most 25 choices. */
    public static final int MAX_PRESETS = 25;

    public static final int MAX_PRESET_NAME = 32;

    /**
     * A predefined sanction: what it does, and the roles that may use it without the Discord permission its kind needs
     * (Kick Members, Ban Members, Timeout Members).
     */
    public record Preset(
            String name,
            SanctionKind kind,
            java.time.Duration duration,
            String reason,
            Integer deleteMessageDays,
            Set<warden.common.RoleId> roles) {
        public Preset {
            name = name == null ? null : name.strip();
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }

        public warden.sanctions.SanctionSpec spec() {
            return new warden.sanctions.SanctionSpec(
                    kind, duration, deleteMessageDays == null || deleteMessageDays == 0 ? null : deleteMessageDays);
        }
    }

    public ModerationSettings(
            boolean hideResponses,
            boolean showPublicly,
            Set<SanctionKind> dmKinds,
            String dmTemplate,
            boolean dmHideModerator) {
        this(hideResponses, showPublicly, dmKinds, dmTemplate, dmHideModerator, null, null, null);
    }

    public ModerationSettings withPresets(List<Preset> presets) {
        return new ModerationSettings(
                hideResponses,
                showPublicly,
                dmKinds,
                dmTemplate,
                dmHideModerator,
                presets,
                raid,
                reports,
                countOutsideActs,
                modLogChannel,
                recordServerAutoMod,
                messageLogChannel);
    }

    public ModerationSettings withRaid(RaidSettings raid) {
        return new ModerationSettings(
                hideResponses,
                showPublicly,
                dmKinds,
                dmTemplate,
                dmHideModerator,
                presets,
                raid,
                reports,
                countOutsideActs,
                modLogChannel,
                recordServerAutoMod,
                messageLogChannel);
    }

    public ModerationSettings withReports(ReportSettings reports) {
        return new ModerationSettings(
                hideResponses,
                showPublicly,
                dmKinds,
                dmTemplate,
                dmHideModerator,
                presets,
                raid,
                reports,
                countOutsideActs,
                modLogChannel,
                recordServerAutoMod,
                messageLogChannel);
    }

    /** The preset of that name, ignoring case. */
    public java.util.Optional<Preset> preset(String name) {
        return presets.stream()
                .filter(p -> p.name().equalsIgnoreCase(name == null ? "" : name.strip()))
                .findFirst();
    }

    public static final List<String> PLACEHOLDERS =
            List.of("member", "server", "kind", "reason", "duration", "end", "moderator", "case");
    public static final int MAX_TEMPLATE = 1500;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

    public ModerationSettings {
        dmKinds = dmKinds == null ? EnumSet.of(SanctionKind.WARN) : Set.copyOf(dmKinds);
        dmTemplate = dmTemplate == null || dmTemplate.isBlank() ? null : dmTemplate.strip();
        presets = presets == null ? List.of() : List.copyOf(presets);
        if (raid == null) raid = RaidSettings.defaults();
        if (reports == null) reports = ReportSettings.defaults();
        if (countOutsideActs == null) countOutsideActs = true;
        if (recordServerAutoMod == null) recordServerAutoMod = false;
        modLogChannel = channel(modLogChannel);
        messageLogChannel = channel(messageLogChannel);
    }

    /** A channel as typed: its id, or its mention {@code <#id>} as Discord's client pastes it; blank is none. */
    private static String channel(String typed) {
        if (typed == null) return null;
        String id = typed.strip().replaceAll("^<#(\\d+)>$", "$1");
        return id.isEmpty() ? null : id;
    }

    public static ModerationSettings defaults() {
        return new ModerationSettings(true, false, null, null, false);
    }

    /** Refuses a template too long or naming an unknown placeholder; called when a command is made, never on replay. */
    public ModerationSettings validate() {
        if (modLogChannel != null) warden.common.ChannelId.of(modLogChannel);
        if (messageLogChannel != null) warden.common.ChannelId.of(messageLogChannel);
        raid.validate();
        reports.validate();
        if (presets.size() > MAX_PRESETS)
            throw InvalidValueException.forField(
                    "presets", "error.setting.tooMany", "presets", MAX_PRESETS, presets.size());
        Set<String> names = new java.util.HashSet<>();
        for (Preset preset : presets) {
            if (preset.name() == null
                    || preset.name().isEmpty()
                    || preset.name().length() > MAX_PRESET_NAME) {
                throw InvalidValueException.forField("presets.name", "error.preset.name", MAX_PRESET_NAME);
            }
            if (!names.add(preset.name().toLowerCase(java.util.Locale.ROOT))) {
                throw InvalidValueException.forField("presets.name", "error.preset.duplicate", preset.name());
            }
            try {
                preset.spec().validate();
                warden.common.Texts.reason(preset.reason());
            } catch (InvalidValueException e) {
                throw e.within("presets");
            }
        }
        if (dmTemplate == null) return this;
        if (dmTemplate.length() > MAX_TEMPLATE)
            throw InvalidValueException.forField("dmTemplate", "error.text.tooLong", "dmTemplate", MAX_TEMPLATE);
        Matcher m = PLACEHOLDER.matcher(dmTemplate);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                throw InvalidValueException.forField(
                        "dmTemplate",
                        "error.moderation.placeholder",
                        "{" + m.group(1) + "}",
                        String.join(", ", PLACEHOLDERS));
            }
        }
        return this;
    }

    /** The template with each {@code {placeholder}} replaced; what is not a placeholder stays as written. */
    public static String fill(String template, java.util.Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
        m.appendTail(out);
        return out.toString();
    }
}
