-- Axon's sequenced dead-letter queue (JdbcSequencedDeadLetterQueue, default schema): side effects that failed, parked
-- per member or server so that only that sequence waits. Axon writes timestamps as ISO-8601 text.
create table deadletterentry (
    deadletteridentifier varchar(255) not null primary key,
    processinggroup      varchar(255) not null,
    sequenceidentifier   varchar(255) not null,
    sequenceindex        bigint       not null,
    messagetype          varchar(255) not null,
    eventidentifier      varchar(255) not null,
    timestamp            varchar(255) not null,
    payloadtype          varchar(255) not null,
    payloadrevision      varchar(255),
    payload              bytea        not null,
    metadata             bytea,
    type                 varchar(255),
    aggregateidentifier  varchar(255),
    sequencenumber       bigint,
    tokentype            varchar(255),
    token                bytea,
    enqueuedat           varchar(255) not null,
    lasttouched          varchar(255),
    processingstarted    varchar(255),
    causetype            varchar(255),
    causemessage         text,
    diagnostics          bytea,
    constraint deadletter_sequence_index unique (processinggroup, sequenceidentifier, sequenceindex)
);
create index deadletter_processing_group on deadletterentry (processinggroup);
create index deadletter_sequence on deadletterentry (processinggroup, sequenceidentifier);
