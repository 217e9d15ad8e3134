-- The moderation log: cases waiting to be posted (or their post edited), and the message each case was posted in.
create table modlog_outbox (
    event_id  text        primary key,
    guild_id  bigint      not null,
    ref_id    text        not null,
    queued_at timestamptz not null default now()
);
create index modlog_outbox_guild on modlog_outbox (guild_id, queued_at);

create table modlog_post (
    guild_id   bigint  not null,
    ref_id     text    not null,
    channel_id bigint  not null,
    message_id bigint  not null,
    grouped    boolean not null,
    primary key (guild_id, ref_id)
);
create index modlog_post_message on modlog_post (guild_id, message_id);
