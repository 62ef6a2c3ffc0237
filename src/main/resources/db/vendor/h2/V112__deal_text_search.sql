-- Issue #17 point 7 (search the dossier), H2: the texts of a deal the overview's search reads, one row per text with
-- the deal's lead and the Dutch name of where it stands. H2 matches them with a plain case-insensitive LIKE, without an index.
-- db/vendor/postgresql/V112__deal_text_search.sql defines the same view for PostgreSQL; keep the two alike.
create view deal_text (deal_id, deal_lead, source, content, sort_key) as
    select d.id, d.deal_lead, t.source, t.content, t.sort_key
    from deal d join (
        select id as deal_id, 'Naam' as source, name as content, 1 as sort_key from deal
        union all
        select id, 'Thema', theme, 2 from deal
        union all
        select id, 'Trekkende organisatie', lead_organisation, 3 from deal
        union all
        select id, 'Ambitie', ambition, 4 from deal where ambition is not null
        union all
        select deal_id, 'Deelnemer', name, 5 from participant
        union all
        select deal_id, 'Toegevoegde waarde van ' || name, added_value, 6 from participant
        union all
        select e.deal_id, coalesce(e.task_name, e.activity_id) || ': ' || f.label, f.field_value, 7
        from dossier_field f join dossier_entry e on e.id = f.entry_id
    ) t on t.deal_id = d.id;
