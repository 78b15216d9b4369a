package org.lvsd.healthcheck.genhash;

/** The response status, the MD5 of the body as lower-case hex, and the body length. */
public record GenhashResult(int status, String md5Hex, long bodyBytes) { }
