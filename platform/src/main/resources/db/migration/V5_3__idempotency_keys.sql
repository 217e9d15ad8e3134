-- REST writes sent with an Idempotency-Key: the first answer, given again to a retry with the same key (a day).
create table idempotency_key (
    caller       text        not null,
    key          text        not null,
    fingerprint  text        not null,
    status       int,
    content_type text,
    body         bytea,
    created_at   timestamptz not null default now(),
    primary key (caller, key)
);
create index idempotency_key_created on idempotency_key (created_at);
