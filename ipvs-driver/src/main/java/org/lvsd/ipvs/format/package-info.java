/**
 * ipvsadm's text formats, byte for byte: the listings {@code ipvsadm -Ln} (with {@code --stats},
 * {@code --rate}, {@code --thresholds}, {@code --persistent-conn}, {@code --tun-info},
 * {@code --exact}), {@code ipvsadm -Lnc}, {@code ipvsadm -L --timeout}, the save format
 * {@code ipvsadm -Sn}, and a parser of the restore format ({@code ipvsadm -R}) that applies the
 * rules to an {@link org.lvsd.ipvs.IpvsDriver} with line-numbered errors.
 *
 * <p>Column widths, sorting and number suffixes follow ipvsadm 1.31's {@code ipvsadm.c}
 * (print_title, print_service_entry, print_largenum, list_conn, list_timeout, parse_options) and
 * {@code libipvs.c} (ipvs_cmp_services, ipvs_cmp_dests); the options and their meaning are those of
 * ipvsadm(8). Flag values come from {@code include/uapi/linux/ip_vs.h}. Only numeric output
 * ({@code -n}) is produced: names are never resolved.
 */
package org.lvsd.ipvs.format;
