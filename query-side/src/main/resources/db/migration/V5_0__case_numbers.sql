-- Case numbers: each infraction, sanction and note of a server gets the server's next number, in the order the
-- events are read from the store, by a processor that a replay of the read models does not reset.
create table case_counter (
    guild_id bigint primary key,
    last     bigint not null
);

create table case_number (
    guild_id bigint not null,
    ref_id   text   not null,
    number   bigint not null,
    kind     text   not null,
    user_id  bigint not null,
    primary key (guild_id, ref_id),
    -- a warning is a sanction and an infraction under one number
    unique (guild_id, number, kind)
);
