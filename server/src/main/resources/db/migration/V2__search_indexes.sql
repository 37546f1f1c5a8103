-- Indexes for offering search (server-search; figures in docs/performance.md).
-- The listing filters compare LOWER(col) = ? so that matching is case-insensitive in the same way
-- on SQLite and PostgreSQL; V1's plain-column indexes on product_type and datacenter_country cannot
-- serve such a condition, and no other query uses them. Expression indexes serve the filters in
-- listing order, and PostgreSQL's ANALYZE gathers statistics on the indexed expressions: without
-- them it guessed 0.5% selectivity for LOWER(stock_status) = 'in_stock' and chose a bitmap scan
-- plus sort over a third of the table instead of walking the price index.
CREATE INDEX offerings_ltype_price_idx ON offerings (LOWER(product_type), monthly_price_e9s, id);
CREATE INDEX offerings_lcountry_price_idx ON offerings (LOWER(datacenter_country), monthly_price_e9s, id);
CREATE INDEX offerings_lstock_idx ON offerings (LOWER(stock_status));
DROP INDEX offerings_type_price_idx;
DROP INDEX offerings_country_idx;
-- The listing's own conditions (is_draft, visibility) ride along in the price index, so skipping
-- rows for a deep OFFSET does not have to read each skipped row from the table (SQLite).
CREATE INDEX offerings_listing_idx ON offerings (monthly_price_e9s, id, is_draft, visibility);
DROP INDEX offerings_price_idx;
