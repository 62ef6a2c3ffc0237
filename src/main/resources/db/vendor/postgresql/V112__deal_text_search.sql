-- Issue #17 point 7 (search the dossier), PostgreSQL: the texts of a deal the overview's search reads, one row per
-- text with the deal's lead and the Dutch name of where it stands; and full-text indexes (configuration 'dutch') on
-- the long texts.
-- db/vendor/h2/V112__deal_text_search.sql defines the same view for H2; keep the two alike.
create view deal_text (deal_id, deal_lead, source, content, sort_key) as
    select d.id, d.deal_lead, t.source, t.content, t.sort_key
    from deal d join (
        select id as deal_id, 'Naam' as source, name::text as content, 1 as sort_key from deal
        union all
        select id, 'Thema', theme::text, 2 from deal
        union all
        select id, 'Trekkende organisatie', lead_organisation::text, 3 from deal
        union all
        select id, 'Ambitie', ambition::text, 4 from deal where ambition is not null
        union all
        select deal_id, 'Deelnemer', name::text, 5 from participant
        union all
        select deal_id, 'Toegevoegde waarde van ' || name, added_value::text, 6 from participant
        union all
        select e.deal_id, coalesce(e.task_name, e.activity_id) || ': ' || f.label, f.field_value::text, 7
        from dossier_field f join dossier_entry e on e.id = f.entry_id
    ) t on t.deal_id = d.id;

-- The search asks to_tsvector('dutch', content) @@ websearch_to_tsquery('dutch', ...): the planner pushes that into
-- each branch of the view, where these expression indexes answer it for the long texts.
create index deal_ambition_text on deal using gin (to_tsvector('dutch', ambition::text));
create index participant_added_value_text on participant using gin (to_tsvector('dutch', added_value::text));
create index dossier_field_text on dossier_field using gin (to_tsvector('dutch', field_value::text));
