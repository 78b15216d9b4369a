/**
 * The IPVS table model shared by every driver: virtual services, destinations (real servers),
 * statistics, timeouts, connection entries, the {@link org.lvsd.ipvs.IpvsDriver} interface and its
 * errno-style {@link org.lvsd.ipvs.IpvsException}, and the one vocabulary of table changes,
 * {@link org.lvsd.ipvs.TableChange}, that {@link org.lvsd.ipvs.IpvsDriver#apply} takes as a batch
 * and reports on change by change ({@link org.lvsd.ipvs.ApplyResult}).
 *
 * <p>Field meanings, flag values and ranges follow the kernel's user API header
 * {@code include/uapi/linux/ip_vs.h} (IP_VS_SVC_F_*, IP_VS_CONN_F_*, IP_VS_TUNNEL_ENCAP_FLAG_*),
 * the control semantics of {@code net/netfilter/ipvs/ip_vs_ctl.c}, and the command-line
 * vocabulary of ipvsadm(8) (which is also how objects are named in error messages).
 */
package org.lvsd.ipvs;
