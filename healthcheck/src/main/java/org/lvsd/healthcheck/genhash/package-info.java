/**
 * {@code genhash}: fetches a URL with exactly the request HTTP_GET / SSL_GET send and prints
 * the MD5 of the body, the value to put in a url block's {@code digest} (keepalived.conf(5),
 * HTTP_GET; keepalived's genhash utility). HTTP per RFC 9110 / RFC 9112; TLS certificates are
 * not verified, as in SSL_GET's default.
 */
package org.lvsd.healthcheck.genhash;
