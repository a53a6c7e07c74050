-- A published version never changes: only archived_at may be set (once), nothing else updated.
CREATE FUNCTION survey_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.instrument IS DISTINCT FROM OLD.instrument
		OR NEW.number IS DISTINCT FROM OLD.number
		OR NEW.survey_id IS DISTINCT FROM OLD.survey_id
		OR NEW.org_id IS DISTINCT FROM OLD.org_id
		OR NEW.published_at IS DISTINCT FROM OLD.published_at
		OR (OLD.archived_at IS NOT NULL AND NEW.archived_at IS DISTINCT FROM OLD.archived_at) THEN
		RAISE EXCEPTION 'published survey versions are immutable';
	END IF;
	RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER survey_versions_no_edit
	BEFORE UPDATE ON survey_versions
	FOR EACH ROW EXECUTE FUNCTION survey_versions_immutable();
