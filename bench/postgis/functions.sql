-- What both PostGIS peers (judge.sql, judge-expert.sql) share: session settings, the date parser
-- for the layers' text dates, and the ellipsoidal area in CGCS2000. Included with \ir.
\set ON_ERROR_STOP on
\timing off
SET client_min_messages = warning;

CREATE OR REPLACE FUNCTION lw_date(t text) RETURNS date LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE m text[];
BEGIN
  IF t IS NULL OR btrim(t) = '' THEN RETURN NULL; END IF;
  m := regexp_match(btrim(t), '^(\d{4})(\d{2})(\d{2})$');
  IF m IS NULL THEN m := regexp_match(btrim(t), '^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})'); END IF;
  IF m IS NULL THEN RETURN NULL; END IF;
  RETURN make_date(m[1]::int, m[2]::int, m[3]::int);
EXCEPTION WHEN others THEN RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION lw_area(g geometry) RETURNS float8 LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN g IS NULL OR ST_IsEmpty(g) THEN 0
              ELSE ST_Area(ST_Transform(g, 4490)::geography, true) END
$$;
