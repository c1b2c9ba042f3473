-- Each claim of a research export gets a token of its own; every write of the worker that holds
-- it (chunks, progress, the end) names the token, so a worker whose lease lapsed while it was
-- slow, not dead, can no longer write into the export another worker took over.
alter table research_export add column claim uuid;
