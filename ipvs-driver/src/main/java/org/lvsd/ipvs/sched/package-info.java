/**
 * IPVS schedulers with the kernel's semantics, one class per algorithm behind {@link
 * org.lvsd.ipvs.sched.Scheduler}: rr, wrr, lc, wlc, sed, nq, lblc, lblcr, dh, sh, mh, fo and ovf.
 *
 * <p>Each class follows the matching kernel file in {@code net/netfilter/ipvs/}
 * ({@code ip_vs_rr.c}, {@code ip_vs_wrr.c}, {@code ip_vs_lc.c}, {@code ip_vs_wlc.c},
 * {@code ip_vs_sed.c}, {@code ip_vs_nq.c}, {@code ip_vs_lblc.c}, {@code ip_vs_lblcr.c},
 * {@code ip_vs_dh.c}, {@code ip_vs_sh.c}, {@code ip_vs_mh.c}, {@code ip_vs_fo.c},
 * {@code ip_vs_ovf.c}): the same destination order (the kernel adds new destinations at the head
 * of the service's list), the same tie-breaking, the same hash functions and table sizes
 * (sh/dh 256 buckets, mh 4093 entries), and the same availability rules: weight 0 or
 * IP_VS_DEST_F_OVERLOAD excludes a destination. Scheduler flags are the ones of
 * {@code include/uapi/linux/ip_vs.h} and ipvsadm(8) {@code -b}.
 */
package org.lvsd.ipvs.sched;
