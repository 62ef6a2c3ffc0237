-- The lessons library (#19): a shared lesson is tagged with the seed's lessons it is about (Vorm, Middelen,
-- Afrekenbaarheid, Deelnemers, Timing, Procesvaardigheid, Mislukken, Eigenaarschap; LessonTag), and a deal may share
-- its lessons with the programme office only (internal). The deal's theme, route and phase are read from the registry.
-- Lessons shared before keep no tags (nobody chose any) and stay shared with everyone, as they were.
alter table lesson add column internal boolean default false not null;

create table lesson_tag (
    lesson_id bigint      not null references lesson (id),
    tag       varchar(32) not null,
    primary key (lesson_id, tag)
);
create index lesson_tag_tag on lesson_tag (tag);
