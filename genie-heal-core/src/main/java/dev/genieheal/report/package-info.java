/**
 * Progress sinks for people and audits: the JSON Lines audit file and the HTML report. The highest package of
 * core; nothing in core depends on it.
 */
package dev.genieheal.report;
