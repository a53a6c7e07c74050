-- A published revision is what donors read and cite: it is never edited. Corrections publish a
-- new revision (with a change note); deleting the programme or organisation still cascades.
CREATE FUNCTION report_revisions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	RAISE EXCEPTION 'published report revisions are immutable';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER report_revisions_no_edit
	BEFORE UPDATE ON report_revisions
	FOR EACH ROW EXECUTE FUNCTION report_revisions_immutable();
