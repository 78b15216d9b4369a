package org.lvsd.netlink;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An ordered, immutable list of attributes as they appeared on the wire.
 *
 * @param list the attributes in wire order
 */
public record NlAttrs(List<NlAttr> list) {

    /** An empty attribute list. */
    public static final NlAttrs EMPTY = new NlAttrs(List.of());

    /** Copies the list. */
    public NlAttrs {
        list = List.copyOf(list);
    }

    /** The first attribute of this type, if any. */
    public Optional<NlAttr> find(int type) {
        for (NlAttr a : list) {
            if (a.type() == type) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The first attribute of this type; a {@link NetlinkProtocolException} when it is missing. */
    public NlAttr get(int type) {
        return find(type).orElseThrow(() -> new NetlinkProtocolException("missing attribute " + type));
    }

    /** All attributes of this type, in wire order. */
    public List<NlAttr> all(int type) {
        return list.stream().filter(a -> a.type() == type).toList();
    }

    /** Whether an attribute of this type is present. */
    public boolean has(int type) {
        return find(type).isPresent();
    }

    /**
     * Parses attributes from the buffer's position to its limit. The last attribute's padding
     * may be absent, as the kernel allows.
     */
    public static NlAttrs decode(ByteBuffer in) {
        ByteBuffer b = in.slice().order(Netlink.ORDER);
        List<NlAttr> out = new ArrayList<>();
        while (b.remaining() >= NlAttr.HEADER_SIZE) {
            int start = b.position();
            int len = Short.toUnsignedInt(b.getShort());
            int rawType = Short.toUnsignedInt(b.getShort());
            if (len < NlAttr.HEADER_SIZE || start + len > b.limit()) {
                throw new NetlinkProtocolException("bad nla_len " + len + " at offset " + start
                        + " of " + b.limit());
            }
            byte[] value = new byte[len - NlAttr.HEADER_SIZE];
            b.get(value);
            out.add(new NlAttr(rawType & NlAttr.TYPE_MASK, (rawType & NlAttr.F_NESTED) != 0,
                    (rawType & NlAttr.F_NET_BYTEORDER) != 0, value));
            b.position(Math.min(b.limit(), start + Netlink.align(len)));
        }
        if (b.hasRemaining()) {
            throw new NetlinkProtocolException(b.remaining() + " trailing bytes after attributes");
        }
        return new NlAttrs(out);
    }
}
