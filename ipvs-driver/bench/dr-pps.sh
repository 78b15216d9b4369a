#!/usr/bin/env bash
# dr-pps.sh: the userspace packet path (direct routing, or tunnelling with METHOD=-i) at
# saturation in the lvs-lab topology. trafgen (netsniff-ng) on the client floods dir1 with
# 64-byte UDP frames to VIP:9000 from FLOWS source ports; ForwarderMain on dir1 forwards them to
# rs1/rs2 (-g: the VIP on their lo; nothing listens, the ICMP answers are rate-limited by their
# kernels). Each round prints, per second: frames the generator sent, dir1's eth0 received,
# the packet path forwarded, dropped (received - forwarded), rs1+rs2 received, and the
# forwarder JVM's CPU (user+system, % of one core). Not a test: it never fails on a number.
# Needs root and trafgen (apt-get install netsniff-ng).
#
#   ipvs-driver/bench/dr-pps.sh [ROUNDS] [SECONDS]    (defaults 3 rounds of 10 s)
#   METHOD=-i    tunnel instead of route
#   FLOWS=N      source ports of the flood (default 32, 1..1000)
#   FAMILY=6     IPv6 (2001:db8::/64; -i is then IPv6 in IPv6): 80-byte frames, the same 18
#                bytes of UDP payload behind the 40-byte IPv6 header (default 4)
#   FWD_JAVA_OPTS  extra JVM options of the forwarder
set -euo pipefail

ROUNDS=${1:-3}
SECS=${2:-10}
METHOD=${METHOD:--g}
FLOWS=${FLOWS:-32}
FAMILY=${FAMILY:-4}
read -r -a FWD_JAVA_OPTS <<< "${FWD_JAVA_OPTS:-}"
(( ROUNDS >= 1 && ROUNDS <= 10 )) || { echo "ROUNDS must be 1..10" >&2; exit 2; }
(( SECS >= 1 && SECS <= 60 )) || { echo "SECONDS must be 1..60" >&2; exit 2; }
(( FLOWS >= 1 && FLOWS <= 1000 )) || { echo "FLOWS must be 1..1000" >&2; exit 2; }
[[ $METHOD == -g || $METHOD == -i ]] || { echo "METHOD must be -g or -i" >&2; exit 2; }
[[ $FAMILY == 4 || $FAMILY == 6 ]] || { echo "FAMILY must be 4 or 6" >&2; exit 2; }
command -v trafgen > /dev/null || { echo "trafgen not found: apt-get install netsniff-ng" >&2; exit 2; }

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
LAB="$ROOT/packaging/lab/lvs-lab"
NAME=drpps$$
NAME=${NAME:0:12}
WORK=$(mktemp -d /tmp/dr-pps.XXXXXX)
if [[ $FAMILY == 6 ]]; then
    VIP=2001:db8::100 SVC="[2001:db8::100]:9000" RS1="[2001:db8::21]:9000" RS2="[2001:db8::22]:9000"
    L3="ipv6(saddr=2001:db8::10, daddr=$VIP, hl=64)" ETHERTYPE=0x86dd
else
    VIP=198.51.100.100 SVC=$VIP:9000 RS1=198.51.100.21:9000 RS2=198.51.100.22:9000
    L3="ipv4(saddr=198.51.100.10, daddr=$VIP, ttl=64, df)" ETHERTYPE=0x0800
fi
TRAFGEN_PID=

cleanup() {
    [[ -n $TRAFGEN_PID ]] && kill "$TRAFGEN_PID" 2> /dev/null || true
    "$LAB" down "$NAME" || true
    rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

echo "load average at start: $(cat /proc/loadavg)"
# shellcheck source=ipvs-driver/bench/lab.sh
. "$HERE/lab.sh"
for h in rs1 rs2; do
    "$LAB" realserver "$NAME" "$h" "$VIP"
done

cat > "$WORK/rules" <<RULES
-A -u $SVC -s rr
-a -u $SVC -r $RS1 $METHOD -w 1
-a -u $SVC -r $RS2 $METHOD -w 1
RULES
mkfifo "$WORK/fwd.in"
ns dir1 java ${FWD_JAVA_OPTS[@]+"${FWD_JAVA_OPTS[@]}"} -cp "$CP" org.lvsd.ipvs.userspace.ForwarderMain \
    --rules "$WORK/rules" --route-interface eth0 < "$WORK/fwd.in" > "$WORK/fwd.out" 2> "$WORK/fwd.err" &
FWD_PID=$!
exec 7> "$WORK/fwd.in"
for i in $(seq 100); do
    grep -q ready "$WORK/fwd.out" 2> /dev/null && break
    (( i == 100 )) && { echo "the forwarder did not start" >&2; cat "$WORK/fwd.out" "$WORK/fwd.err" >&2; exit 1; }
    sleep 0.2
done
JPID=$(pgrep -P "$FWD_PID" -x java || echo "$FWD_PID")

# 64-byte frames (18 bytes of UDP payload; 80 bytes over IPv6) from the client's MAC to dir1's,
# source ports cycling
last=$((10000 + FLOWS - 1))
cat > "$WORK/flood.cfg" <<CFG
{
  eth(da=02:51:00:00:00:02, sa=02:51:00:00:00:0a, type=$ETHERTYPE),
  $L3,
  udp(sport=dinc(10000, $last), dport=9000),
  fill(0x78, 18)
}
CFG

rx() { ns "$1" cat /sys/class/net/eth0/statistics/rx_packets; }
# asks the forwarder for its packet path's counters; the answer ("forwarded=N ...") into DR
answers=0
DR=
forwarded() {
    echo dr >&7
    answers=$((answers + 1))
    for _ in $(seq 50); do
        if (( $(grep -c '^forwarded=' "$WORK/fwd.out" || true) >= answers )); then
            DR=$(grep '^forwarded=' "$WORK/fwd.out" | sed -n "${answers}p")
            return
        fi
        sleep 0.1
    done
    echo "no answer to dr" >&2; exit 1
}
ticks() { awk '{ print $14 + $15 }' "/proc/$JPID/stat"; }
HZ=$(getconf CLK_TCK)

# one round: trafgen for SECS seconds
round() {
    local r=$1 before after
    forwarded; before=$DR
    local d0 s0 t0 c0 n0
    d0=$(rx dir1); s0=$(( $(rx rs1) + $(rx rs2) )); c0=$(ticks); n0=$(date +%s%N)
    ns client timeout -s INT "$SECS" trafgen --dev eth0 --conf "$WORK/flood.cfg" --cpus 1 --no-sock-mem \
        > "$WORK/trafgen.log" 2>&1 || true
    sleep 0.3
    local d1 s1 c1 n1
    d1=$(rx dir1); s1=$(( $(rx rs1) + $(rx rs2) )); c1=$(ticks); n1=$(date +%s%N)
    forwarded; after=$DR
    local f0 f1 sent
    f0=$(sed 's/^forwarded=\([0-9]*\).*/\1/' <<< "$before")
    f1=$(sed 's/^forwarded=\([0-9]*\).*/\1/' <<< "$after")
    sent=$(tr -d '\r' < "$WORK/trafgen.log" | awk '/packets outgoing/ { n = $1 } END { print n + 0 }')
    awk -v r="$r" -v ns=$(( n1 - n0 )) -v sent="$sent" -v rx=$(( d1 - d0 )) -v fw=$(( f1 - f0 )) \
        -v rs=$(( s1 - s0 )) -v cpu=$(( c1 - c0 )) -v hz="$HZ" -v secs="$SECS" 'BEGIN {
        t = ns / 1e9
        printf "round %d  sent %8.0f/s  received %8.0f/s  forwarded %8.0f/s  dropped %8.0f/s  servers received %8.0f/s  forwarder CPU %3.0f %%\n",
            r, sent / secs, rx / t, fw / t, (rx - fw) / t, rs / t, 100 * cpu / hz / t }'
}

echo "warm-up (JIT) ..." >&2
SECS_SAVED=$SECS; SECS=3; round 0 > /dev/null; SECS=$SECS_SAVED
for r in $(seq "$ROUNDS"); do
    round "$r" > "$WORK/round.txt"
    cat "$WORK/round.txt"
    cat "$WORK/round.txt" >> "$WORK/rounds.txt"
done
awk '{ s += $4; rx += $6; fw += $8; dr += $10; rs += $13; cpu += $16; n++ }
    END { printf "mean     sent %8.0f/s  received %8.0f/s  forwarded %8.0f/s  dropped %8.0f/s  servers received %8.0f/s  forwarder CPU %3.0f %%\n",
        s / n, rx / n, fw / n, dr / n, rs / n, cpu / n }' \
    <(sed 's/\/s//g; s/ %//' "$WORK/rounds.txt")
forwarded
echo "packet path counters: $DR"
echo quit >&7
echo "load average at end: $(cat /proc/loadavg)"
