#!/usr/bin/env bash
# bench-apply.sh — benchmark (not a test): apply the same IPVS table with lvsd's kernel driver
# and with `ipvsadm -R`, in one VM run, and print both times and their ratio.
#
#   packaging/kvm/bench-apply.sh [SERVICES] [DESTS_PER_SERVICE] [ROUNDS]     (default 1000 10 3)
#
# The table: SERVICES TCP services (198.51.100.0-249, ports from 80) each with DESTS_PER_SERVICE
# NAT real servers. Inside the VM, ipvsadm -R reads the rules from a file (one netlink round trip
# per rule, as ipvsadm does); lvsd's driver (ApplyBench, from ipvs-driver's test classes) parses the
# same file and sends it as one pipelined batch. ipvsadm's time includes its process start;
# lvsd's is measured inside the JVM, so the JVM start (reported separately) is not in it.
# Each tool applies the table ROUNDS times, each time in a fresh network namespace (an empty IPVS
# of its own: flushing one table and refilling it would be skewed by the kernel's trash of
# deleted destinations), checked by service count. ipvsadm runs first, then one JVM does lvsd's
# rounds; its first round includes the JIT's warm-up. Under TCG emulation the
# absolute times are 10-25x the host's; the ratio is what to compare. Never fails on a timing.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

if [ "${1:-}" = --in-vm ]; then
	rules=$2 cp=$3 services=$4 rounds=$5
	now() { date +%s%N; }
	fresh() { ip netns add "$1" && ip -n "$1" link set lo up; }
	for ((r = 1; r <= rounds; r++)); do
		ns=bench-ipvsadm-$r
		fresh "$ns"
		ipvsadm_ns[r]=$(ip netns exec "$ns" bash -c 't0=$(date +%s%N); ipvsadm -R <"$1"; echo $(($(date +%s%N) - t0))' _ "$rules")
		got=$(ip netns exec "$ns" ipvsadm -Sn | grep -c '^-A')
		[ "$got" = "$services" ] || { echo "ipvsadm -R left $got services, expected $services" >&2; exit 1; }
		ip netns del "$ns"
	done
	lvsd_ns=()
	for ((r = 1; r <= rounds; r++)); do
		fresh "bench-lvsd-$r"
		lvsd_ns+=("bench-lvsd-$r")
	done
	t0=$(now)
	out=$(java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$cp" org.lvsd.ipvs.kernel.ApplyBench "$rules" \
		"${lvsd_ns[@]}" 2>/dev/null)
	t1=$(now)
	for ns in "${lvsd_ns[@]}"; do ip netns del "$ns"; done
	echo "changes per round: $(echo "$out" | awk '/^lvsd-apply-us/ {print $4; exit}') ($services services)"
	echo "round  ipvsadm -R (ms)  lvsd apply (ms)  ratio ipvsadm/lvsd"
	for ((r = 1; r <= rounds; r++)); do
		lvsd_us=$(echo "$out" | awk -v r="$r" '/^lvsd-apply-us/ && $6 == r {print $2}')
		awk -v r="$r" -v a="${ipvsadm_ns[r]}" -v b="$lvsd_us" \
			'BEGIN { printf "%5d  %15d  %15d  %18.2f\n", r, a / 1e6, b / 1e3, (a / 1e3) / b }'
	done
	echo "lvsd's java process in all (JVM start, parsing, $rounds rounds, checks): $((($t1 - $t0) / 1000000)) ms"
	exit 0
fi

services=${1:-1000}
dests=${2:-10}
rounds=${3:-3}
"$HERE/build.sh"
(cd "$ROOT" && ./mvnw -o -B -q -pl ipvs-driver -am test-compile)
repo=${MAVEN_REPO:-$HOME/.m2/repository}
version() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$ROOT/pom.xml" | head -n1; }
jna=$repo/net/java/dev/jna/jna/$(version jna.version)/jna-$(version jna.version).jar
slf4j=$repo/org/slf4j/slf4j-api/$(version slf4j.version)/slf4j-api-$(version slf4j.version).jar
cp="$ROOT/ipvs-driver/target/test-classes:$ROOT/ipvs-driver/target/classes:$ROOT/netlink/target/classes:$jna:$slf4j"

work=${KVM_WORK:-$HERE/.work}/bench
mkdir -p "$work"
rules=$work/rules-$services-$dests.txt
for ((i = 0; i < services; i++)); do
	vip="198.51.100.$((i % 250)):$((80 + i / 250))"
	echo "-A -t $vip -s wlc"
	for ((j = 1; j <= dests; j++)); do
		echo "-a -t $vip -r 198.51.100.$((j % 250)):8080 -m -w 1"
	done
done >"$rules"
echo "bench-apply.sh: $(wc -l <"$rules") rules; booting the VM"
"$HERE/run.sh" -t 1200 -- "$HERE/bench-apply.sh" --in-vm "$rules" "$cp" "$services" "$rounds"
