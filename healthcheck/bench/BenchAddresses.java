import java.net.InetAddress;
import java.net.UnknownHostException;

/** Real server i of the benchmarks lives at 127.(1 + i / 64000).(i / 250 % 256).(1 + i % 250). */
final class BenchAddresses {

    private BenchAddresses() {
    }

    static InetAddress of(int i) throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] {127, (byte) (1 + i / 64000),
            (byte) (i / 250 % 256), (byte) (1 + i % 250)});
    }
}
