/**
 * The in-memory IPVS table: {@link org.lvsd.ipvs.table.InMemoryIpvsDriver} implements
 * {@link org.lvsd.ipvs.IpvsDriver} with the kernel's control semantics and errno values
 * ({@code net/netfilter/ipvs/ip_vs_ctl.c}), and models the data path far enough for tests and
 * the userspace forwarder: service lookup, scheduling, persistence templates
 * ({@code ip_vs_sched_persist} in {@code ip_vs_core.c}), connection counters and the
 * IP_VS_DEST_F_OVERLOAD threshold rules ({@code ip_vs_bind_dest}/{@code ip_vs_unbind_dest} in
 * {@code ip_vs_conn.c}), the trash of removed destinations ({@code ip_vs_trash_get_dest}), the rate
 * estimator ({@code ip_vs_est.c}), and connection/template expiry on an injected clock. Flag values come from
 * {@code include/uapi/linux/ip_vs.h}; the names in error messages follow ipvsadm(8).
 */
package org.lvsd.ipvs.table;
