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
-- A numeric answer, or null. Stored numbers are String(Number(typed)): JavaScript writes at most
-- three exponent digits, so longer exponents (which numeric would refuse) are not numbers here.
CREATE FUNCTION heard_number(a jsonb) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE
		WHEN jsonb_typeof(a) = 'string'
			AND (a #>> '{}') ~* '^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)(e[-+]?[0-9]{1,3})?$'
		THEN CASE
			WHEN abs((a #>> '{}')::numeric) >= 1e308 THEN NULL
			WHEN abs((a #>> '{}')::numeric) < 1e-300 THEN 0
			ELSE (a #>> '{}')::numeric::double precision
		END
	END
$$;
--> statement-breakpoint
-- The cell of a single-select breakdown: the option chosen, or '' (not stated: skipped,
-- preferred not to say, or a multi-select answer a breakdown cannot place in one cell).
CREATE FUNCTION heard_cell(a jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT CASE WHEN jsonb_typeof(a) = 'string' AND a <> '".pnts"'::jsonb THEN a #>> '{}' ELSE '' END
$$;
