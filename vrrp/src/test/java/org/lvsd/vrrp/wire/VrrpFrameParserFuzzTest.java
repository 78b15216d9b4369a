package org.lvsd.vrrp.wire;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations (bit flips, truncation, extension) of captured keepalived frames: the parser
 * never throws, and whatever it returns fits inside the frame it came from.
 */
class VrrpFrameParserFuzzTest {

    private static final int FRAMES = 300_000;

    @Test
    void mutatedFramesNeverThrow() {
        List<byte[]> seeds = List.of(CapturedFrames.hex("v2-pass-ipv4-frames", "advert"),
                CapturedFrames.hex("v3-ipv6-frames", "advert"), CapturedFrames.hex("v3-ipv6-frames", "na"),
                CapturedFrames.hex("v2-pass-ipv4-frames", "garp"));
        SplittableRandom random = new SplittableRandom(0xF4A3E5L);
        int parsed = 0;
        for (int i = 0; i < FRAMES; i++) {
            byte[] seed = seeds.get(random.nextInt(seeds.size()));
            byte[] frame = switch (random.nextInt(3)) {
                case 0 -> Arrays.copyOf(seed, random.nextInt(seed.length + 1));
                case 1 -> Arrays.copyOf(seed, seed.length + random.nextInt(1, 64));
                default -> {
                    byte[] f = seed.clone();
                    for (int k = random.nextInt(1, 6); k > 0; k--) {
                        int bit = random.nextInt(f.length * 8);
                        f[bit / 8] ^= (byte) (1 << (bit % 8));
                    }
                    yield f;
                }
            };
            Optional<ReceivedVrrp> r = VrrpFrameParser.parse(frame);
            if (r.isPresent()) {
                parsed++;
                assertTrue(r.get().vrrp().length <= frame.length - 34);
            }
        }
        // Truncations and extensions of the two advert frames keep parsing: the fuzz is not vacuous.
        assertTrue(parsed > FRAMES / 10, "parsed " + parsed);
    }
}
