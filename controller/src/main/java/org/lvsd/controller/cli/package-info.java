/**
 * The {@code lvsd} command line: keepalived's options (keepalived(8): {@code -f}, {@code -t},
 * {@code -n}, {@code -l}, {@code -D}, {@code -i}) plus lvsd's {@code --dump-config}.
 */
package org.lvsd.controller.cli;
