/**
 * The SQL toolkit: parsing Spark SQL as Genie writes it, normalising for comparison, extracting structure, and the
 * read-only guard. JSqlParser is used inside and never appears in public signatures.
 */
package dev.genieheal.sql;
