/**
 * Enrichment of extracted claims: what a claim is about and the facts it carries, read from the article text
 * without CoreNLP.
 *
 * <ul>
 * <li>{@link dev.claimtrail.claims.extraction.enrich.EntityCatalog} — curated entities and aliases
 * ({@code claimtrail/entities.tsv});</li>
 * <li>{@link dev.claimtrail.claims.extraction.enrich.ArticleEntities} — per-article mentions, aliases the text
 * states, the IS/ISKP reading, and the subjects of a content span;</li>
 * <li>{@link dev.claimtrail.claims.extraction.enrich.QuantityFinder} — figures with qualifier, unit and owner;</li>
 * <li>{@link dev.claimtrail.claims.extraction.enrich.TimeResolver} and
 * {@link dev.claimtrail.claims.extraction.enrich.OccasionDates} — when a statement was made;</li>
 * <li>{@link dev.claimtrail.claims.extraction.enrich.LocationFinder} — places, from the gazetteer
 * ({@code claimtrail/places.tsv}) and CoreNLP's LOCATION spans.</li>
 * </ul>
 * All offsets are UTF-16 indices into the article text, end exclusive. Everything is immutable and thread-safe
 * once built; the curated data is loaded once per class loader.
 */
package dev.claimtrail.claims.extraction.enrich;
