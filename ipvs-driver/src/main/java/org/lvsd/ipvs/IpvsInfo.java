package org.lvsd.ipvs;

/**
 * IPVS version and connection hash table size (IPVS_CMD_GET_INFO).
 *
 * @param version version as 0xMMmmpp (0x010201 is 1.2.1)
 * @param connTableSize connection hash table size (4096 with CONFIG_IP_VS_TAB_BITS=12)
 */
public record IpvsInfo(int version, int connTableSize) {
    /** What the kernel reports: 1.2.1, 4096 buckets. */
    public static final IpvsInfo KERNEL_DEFAULT = new IpvsInfo(0x010201, 4096);

    /** "1.2.1". */
    public String versionText() {
        return ((version >> 16) & 0xff) + "." + ((version >> 8) & 0xff) + "." + (version & 0xff);
    }
}
