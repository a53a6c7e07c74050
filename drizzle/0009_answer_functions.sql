-- Answer readers for indicators computed in SQL (src/lib/server/indicators/sql.ts). They mirror
-- src/lib/server/indicators/math.ts exactly (tests compare the two on the same answers), so that
-- PostgreSQL and PGlite compute figures where the answers are instead of shipping them to Node.

-- What a person picked — the option itself (a jsonb string) or a jsonb array of options — or
-- null when they skipped, ticked nothing or preferred not to say (".pnts" among options stands
-- for them all, as in the answer check). A single option is returned as it is, not wrapped in an
-- array: jsonb_exists / jsonb_exists_any match a string as they match an array's element, and
-- building an array for every answer of every row doubled the cost of an indicator.
CREATE FUNCTION heard_choices(a jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE jsonb_typeof(a)
		WHEN 'string' THEN CASE WHEN a = '".pnts"'::jsonb THEN NULL ELSE a END
		WHEN 'array' THEN CASE WHEN a = '[]'::jsonb OR a @> '".pnts"'::jsonb THEN NULL ELSE a END
	END
$$;
--> statement-breakpoint
-- A numeric answer (the text of the stored JSON string, `answers ->> name`), or null. Stored
-- numbers are String(Number(typed)), always within double precision; exponents of one or two
-- digits cannot leave its range and are read directly, the rare three-digit ones through numeric
-- (which double precision's own parser would refuse with an error beyond its range).
CREATE FUNCTION heard_number(t text) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE
		WHEN t ~ '^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]{1,2})?$' THEN t::double precision
		WHEN t ~ '^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)[eE][-+]?[0-9]{3}$' THEN CASE
			WHEN abs(t::numeric) >= 1e308 THEN NULL
			WHEN abs(t::numeric) < 1e-300 THEN 0
			ELSE t::numeric::double precision
		END
	END
$$;
--> statement-breakpoint
-- The cell of a single-select breakdown from the answer's text (`answers ->> name`) and JSON type:
-- the option chosen, or '' (not stated: skipped, preferred not to say, or a multi-select answer
-- a breakdown cannot place in one cell).
CREATE FUNCTION heard_cell(t text, type text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE WHEN t IS NULL OR t = '.pnts' OR type <> 'string' THEN '' ELSE t END
$$;
