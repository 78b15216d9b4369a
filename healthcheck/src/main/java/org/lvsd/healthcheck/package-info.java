/**
 * Real-server health checking for lvsd: the {@link org.lvsd.healthcheck.Checker} contract and
 * its {@link org.lvsd.healthcheck.CheckResult}.
 *
 * <p>Sub-packages: {@code spec} (immutable configuration records the controller maps the
 * keepalived.conf model onto), {@code decision} (pure retry / rise-fall / quorum decisions,
 * keepalived.conf(5) "real_server" and "virtual_server" sections), {@code schedule} (delay_loop,
 * retry, delay_before_retry, warmup), {@code check} (the Netty-based checkers) and
 * {@code genhash} (the digest helper for HTTP_GET / SSL_GET {@code digest}).
 *
 * <p>This module never touches the kernel and depends on no other lvsd module.
 */
package org.lvsd.healthcheck;
