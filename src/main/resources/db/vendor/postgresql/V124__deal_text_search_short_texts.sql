-- Issue #21 point 5 (the overview's search at 10,000 deals), PostgreSQL: full-text indexes on the short texts of the
-- view deal_text (V112), so that no branch of the search computes to_tsvector for every row. V112 indexed the long
-- texts only; a search then still read every deal's name, theme and lead organisation and every participant's name.
-- The expressions are exactly those the view's branches give the search's to_tsvector('dutch', content).
create index deal_name_text on deal using gin (to_tsvector('dutch', name::text));
create index deal_theme_text on deal using gin (to_tsvector('dutch', theme::text));
create index deal_lead_organisation_text on deal using gin (to_tsvector('dutch', lead_organisation::text));
create index participant_name_text on participant using gin (to_tsvector('dutch', name::text));
