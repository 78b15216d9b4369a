package org.lvsd.netlink.socket;

import org.lvsd.netlink.NetlinkException;
import org.lvsd.netlink.NlRequest;

/**
 * One failed request of a {@link NetlinkSocket#batch batch}.
 *
 * @param index position of the request in the batch list (0-based)
 * @param seq sequence number it was sent with
 * @param request the request
 * @param error the kernel's error for it
 */
public record BatchFailure(int index, int seq, NlRequest request, NetlinkException error) {
}
