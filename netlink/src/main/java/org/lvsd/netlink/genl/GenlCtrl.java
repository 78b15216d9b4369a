package org.lvsd.netlink.genl;

import org.lvsd.netlink.NlRequest;

/**
 * The generic netlink controller ({@code nlctrl}, fixed id {@code GENL_ID_CTRL}): commands and
 * attributes of {@code include/uapi/linux/genetlink.h} and the request that looks a family up.
 */
public final class GenlCtrl {
    /** {@code GENL_ID_CTRL}: the controller's fixed family id. */
    public static final int ID = 0x10;
    /** The controller family's name. */
    public static final String NAME = "nlctrl";
    /** Interface version sent with controller requests. */
    public static final int VERSION = 2;

    /** {@code CTRL_CMD_NEWFAMILY}: reply to GETFAMILY, and the family-registered notification. */
    public static final int CMD_NEWFAMILY = 1;
    /** {@code CTRL_CMD_DELFAMILY}: family-unregistered notification. */
    public static final int CMD_DELFAMILY = 2;
    /** {@code CTRL_CMD_GETFAMILY}. */
    public static final int CMD_GETFAMILY = 3;

    /** {@code CTRL_ATTR_FAMILY_ID} (u16). */
    public static final int ATTR_FAMILY_ID = 1;
    /** {@code CTRL_ATTR_FAMILY_NAME} (string). */
    public static final int ATTR_FAMILY_NAME = 2;
    /** {@code CTRL_ATTR_VERSION} (u32). */
    public static final int ATTR_VERSION = 3;
    /** {@code CTRL_ATTR_HDRSIZE} (u32). */
    public static final int ATTR_HDRSIZE = 4;
    /** {@code CTRL_ATTR_MAXATTR} (u32). */
    public static final int ATTR_MAXATTR = 5;
    /** {@code CTRL_ATTR_OPS} (nested). */
    public static final int ATTR_OPS = 6;
    /** {@code CTRL_ATTR_MCAST_GROUPS} (nested array of nested groups). */
    public static final int ATTR_MCAST_GROUPS = 7;

    /** {@code CTRL_ATTR_MCAST_GRP_NAME} (string). */
    public static final int ATTR_MCAST_GRP_NAME = 1;
    /** {@code CTRL_ATTR_MCAST_GRP_ID} (u32). */
    public static final int ATTR_MCAST_GRP_ID = 2;

    /** The controller's multicast group for family notifications. */
    public static final String GROUP_NOTIFY = "notify";

    private GenlCtrl() {
    }

    /** {@code CTRL_CMD_GETFAMILY} for one family by name (not a dump). */
    public static NlRequest getFamily(String name) {
        byte[] payload = new GenlHeader(CMD_GETFAMILY, VERSION).writer().string(ATTR_FAMILY_NAME, name).toBytes();
        return new NlRequest(ID, 0, payload, "resolve generic netlink family " + name);
    }
}
