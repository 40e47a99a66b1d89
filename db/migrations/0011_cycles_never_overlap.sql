-- Two review cycles never share a day, whoever writes them and however many at once: an exclusion
-- constraint on the inclusive date range (range types have GiST operators built in; no btree_gist).
ALTER TABLE "review_cycles" ADD CONSTRAINT "review_cycles_no_overlap"
  EXCLUDE USING gist (daterange("starts_on", "ends_on", '[]') WITH &&);
