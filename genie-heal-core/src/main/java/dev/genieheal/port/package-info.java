/**
 * Ports: the interfaces through which core talks to the outside world (Genie, a SQL warehouse, the space store, an
 * LLM, benchmark files, time) and the values that cross them. The Databricks module implements them over HTTP; the
 * testkit implements them locally. Depends only on {@code error} and {@code space}.
 */
package dev.genieheal.port;
