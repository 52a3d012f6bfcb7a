-- Every two-character piece of a text, lower-cased, once each: the GIN index on it serves ticket
-- searches of one or two characters (a two-character name like 黄帅, a word like 漏水), which pg_trgm
-- cannot index because it needs three.
CREATE OR REPLACE FUNCTION guanjia_bigrams(t text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
  SELECT coalesce(array_agg(DISTINCT substr(lower(t), i, 2)), '{}')
    FROM generate_series(1, length(t) - 1) AS i
$$;
