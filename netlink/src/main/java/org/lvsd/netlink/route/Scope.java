package org.lvsd.netlink.route;

/** Address and route scopes ({@code enum rt_scope_t} of {@code rtnetlink.h}). */
public final class Scope {
    /** {@code RT_SCOPE_UNIVERSE}: global. */
    public static final int UNIVERSE = 0;
    /** {@code RT_SCOPE_SITE}. */
    public static final int SITE = 200;
    /** {@code RT_SCOPE_LINK}. */
    public static final int LINK = 253;
    /** {@code RT_SCOPE_HOST}. */
    public static final int HOST = 254;
    /** {@code RT_SCOPE_NOWHERE}: also "any scope" in a route delete. */
    public static final int NOWHERE = 255;

    private Scope() {
    }
}
