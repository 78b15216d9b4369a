#!/usr/bin/env bash
# failover.sh: failover time of an lvsd pair and a keepalived pair, side by side, in the
# namespace lab (packaging/lab/lvs-lab). Not a test: it never fails on a timing.
#
#   controller/bench/failover.sh [RUNS [CASE...]]   (root; RUNS per case, default 5, at most 20)
#
# CASE is one of v2-sigterm v2-crash v3-sigterm v3-crash (default: all four). Runs alternate
# lvsd, keepalived, lvsd, ... so both see the same machine load. With KEEP_LOGS=DIR every run's
# daemon logs are copied to DIR (IMPL-CASE-RUN-HOST.log) for reading the stop and takeover paths,
# with the run's clock readings in epoch ms (IMPL-CASE-RUN.times: "t0 T t_vip T t_arp T", t0 just
# before the signal) and, when tcpdump is installed, the bridge's VRRP and ARP frames around the
# signal (IMPL-CASE-RUN.frames, epoch-second timestamps): the priority-0 advert, the new master's
# first advert and GARPs. lvsd runs with the caller's LVSD_JAVA_OPTS (packaging/bin/lvsd).
#
# Build first: ./mvnw -B -o -q -DskipTests package  (packaging/target/lib for packaging/bin/lvsd,
# controller/target/test-classes for the ARP prober org.lvsd.controller.daemon.ArpProbe).
#
# Each run: dir1 (priority 150) becomes MASTER, dir2 (100) BACKUP, same VRID, VIP
# 198.51.100.100/24 on eth0; then dir1 is stopped by SIGTERM (lvsd: its JVM; keepalived: its main
# pid) or crashed (SIGSTOP then SIGKILL of every process in dir1's namespace, then eth0 down).
# A crash is struck right after one of dir1's adverts is seen on the bridge, so every run of both
# implementations crashes at the same phase of the advert cycle (worst case: a whole
# Master_Down_Interval to wait); a SIGTERM needs no such alignment (its priority-0 advert goes at once).
# Failover time = from just before the signal until BOTH the VIP is on dir2 (ip monitor) AND the
# client's ARP request for the VIP is answered by dir2's MAC (ArpProbe: one broadcast request every
# 10 ms). Cases: VRRP v2 advert_int 1 and v3 advert_int 0.1. Prints the median per case and the
# ratio lvsd/keepalived.
set -euo pipefail

RUNS=${1:-5}
[[ $RUNS =~ ^[0-9]+$ ]] && (( RUNS >= 1 && RUNS <= 20 )) || { echo "RUNS must be 1..20" >&2; exit 2; }
shift $(( $# > 0 ? 1 : 0 ))
CASES=("$@")
(( ${#CASES[@]} > 0 )) || CASES=(v2-sigterm v2-crash v3-sigterm v3-crash)
for c in "${CASES[@]}"; do
    [[ $c =~ ^v[23]-(sigterm|crash)$ ]] || { echo "unknown case $c (v2-sigterm v2-crash v3-sigterm v3-crash)" >&2; exit 2; }
done
KEEP_LOGS=${KEEP_LOGS:-}
[[ -z $KEEP_LOGS ]] || mkdir -p "$KEEP_LOGS"
[[ $(id -u) == 0 ]] || { echo "failover.sh: needs root (network namespaces)" >&2; exit 2; }
root=$(cd "$(dirname "$0")/../.." && pwd -P)
LAB=$root/packaging/lab/lvs-lab
LVSD=$root/packaging/bin/lvsd
CP="$root/packaging/target/lib/*:$root/controller/target/test-classes"
[[ -f $root/controller/target/test-classes/org/lvsd/controller/daemon/ArpProbe.class ]] \
    || { echo "build first: ./mvnw -B -o -q -DskipTests package" >&2; exit 2; }
command -v keepalived >/dev/null || { echo "keepalived is not installed" >&2; exit 2; }
NAME=vdbench-$$   # unique per run: side-by-side checkouts never share a lab
VIP=198.51.100.100
DIR2_MAC=02:51:00:00:00:03
work=$(mktemp -d)
trap '"$LAB" down $NAME; rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }

# wait_for SECONDS CMD...: polls every 20 ms, fails after SECONDS.
wait_for() {
    local limit=$(( $1 * 50 )) i; shift
    for (( i = 0; i < limit; i++ )); do
        "$@" && return 0
        sleep 0.02
    done
    echo "timed out: $*" >&2
    return 1
}

has_vip() { ip -n "$NAME-$1" -o addr show dev eth0 | grep -q " $VIP/"; }

conf() { # version advert_int priority
    cat <<CONF
global_defs {
    router_id bench
}
vrrp_instance VI_1 {
    state BACKUP
    interface eth0
    version $1
    virtual_router_id 51
    priority $3
    advert_int $2
    virtual_ipaddress {
        $VIP/24
    }
}
CONF
}

start() { # impl host conf
    local log=$work/$2.log
    rm -f "$work/$2".*pid
    if [[ $1 == lvsd ]]; then
        ip netns exec "$NAME-$2" "$LVSD" -n -l -f "$3" >"$log" 2>&1 &
        disown
    else
        ip netns exec "$NAME-$2" keepalived -P -n -l -D -f "$3" -p "$work/$2.pid" \
            -r "$work/$2.vrrp.pid" -c "$work/$2.check.pid" >"$log" 2>&1 &
        disown
    fi
}

is_backup() { # impl host
    if [[ $1 == lvsd ]]; then grep -qs "VI_1: INIT -> BACKUP" "$work/$2.log"
    else grep -qs "(VI_1) Entering BACKUP STATE" "$work/$2.log"; fi
}

reset_hosts() {
    local h pids
    for h in dir1 dir2 client; do
        pids=$(ip netns pids "$NAME-$h" || true)
        [[ -n $pids ]] && kill -KILL $pids 2>/dev/null || true
    done
    sleep 0.2
    for h in dir1 dir2; do
        ip -n "$NAME-$h" addr del "$VIP/24" dev eth0 2>/dev/null || true
        ip -n "$NAME-$h" link set eth0 up
    done
}

# Returns right after the bridge carries one VRRP advert from dir1 (bounded: 10 s).
await_advert_from_dir1() {
    rm -f "$work/advert.err"
    timeout 10 ip netns exec "$NAME-lan" tcpdump -i br0 -n -c 1 -l --immediate-mode \
        'ip proto 112 and src 198.51.100.2' >/dev/null 2>"$work/advert.err" &
    local seen=$!
    wait_for 10 grep -qs listening "$work/advert.err"
    wait "$seen" || { echo "no advert from dir1 within 10 s" >&2; return 1; }
}

# one_run impl version advert mode: prints the failover time in ms
one_run() {
    local impl=$1 version=$2 advert=$3 mode=$4 t0 t_arp t_vip pids
    reset_hosts
    conf "$version" "$advert" 150 >"$work/dir1.conf"
    conf "$version" "$advert" 100 >"$work/dir2.conf"
    start "$impl" dir1 "$work/dir1.conf"
    wait_for 20 has_vip dir1
    start "$impl" dir2 "$work/dir2.conf"
    wait_for 20 is_backup "$impl" dir2
    sleep 1
    has_vip dir1 && ! has_vip dir2 || { echo "no stable master before the run" >&2; return 1; }
    rm -f "$work/vip.t" "$work/probe.out"
    ip netns exec "$NAME-client" java -cp "$CP" org.lvsd.controller.daemon.ArpProbe eth0 "$VIP" "$DIR2_MAC" 15000 \
        >"$work/probe.out" 2>&1 &
    local probe=$!
    ( ip -n "$NAME-dir2" monitor address | while read -r line; do
          if [[ $line == *" $VIP/"* ]]; then now_ms >"$work/vip.t"; break; fi
      done ) >/dev/null 2>&1 &
    disown
    wait_for 20 grep -qs ready "$work/probe.out"
    local capture=
    if [[ -n $KEEP_LOGS ]] && command -v tcpdump >/dev/null; then
        rm -f "$work/frames" "$work/capture.err"
        ip netns exec "$NAME-lan" tcpdump -i br0 -n -tt -l --immediate-mode 'ip proto 112 or arp' \
            >"$work/frames" 2>"$work/capture.err" &
        capture=$!
        wait_for 10 grep -qs listening "$work/capture.err"
    fi
    sleep 0.3
    # The target is looked up before t0, so both implementations pay the same for the signal.
    if [[ $mode == sigterm && $impl == keepalived ]]; then pids=$(cat "$work/dir1.pid")
    else pids=$(ip netns pids "$NAME-dir1"); fi
    if [[ $mode == crash ]]; then await_advert_from_dir1; fi
    t0=$(now_ms)
    if [[ $mode == sigterm ]]; then
        kill -TERM $pids
    else
        kill -STOP $pids
        kill -KILL $pids
        ip -n "$NAME-dir1" link set eth0 down
    fi
    wait "$probe" || true
    wait_for 5 test -s "$work/vip.t"
    if [[ -n $capture ]]; then kill "$capture"; wait "$capture" || true; fi
    t_arp=$(awk '/^answered/ {print $2}' "$work/probe.out")
    [[ -n $t_arp ]] || { echo "no ARP answer from dir2: $(cat "$work/probe.out")" >&2; return 1; }
    t_vip=$(cat "$work/vip.t")
    echo "t0 $t0 t_vip $t_vip t_arp $t_arp" >"$work/times"
    echo $(( (t_arp > t_vip ? t_arp : t_vip) - t0 ))
}

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

"$LAB" down $NAME
"$LAB" up $NAME
printf '%-22s %-34s %-34s %s\n' case "lvsd median ms (runs)" "keepalived median ms (runs)" "lvsd/keepalived"
for c in "${CASES[@]}"; do
    mode=${c#*-}
    if [[ $c == v2-* ]]; then version=2 advert=1; else version=3 advert=0.1; fi
    declare -A med=() all=([lvsd]="" [keepalived]="")
    for (( r = 0; r < RUNS; r++ )); do
        for impl in lvsd keepalived; do
            # To a file, not $(...): daemons started in the run must not hold a pipe open.
            one_run "$impl" "$version" "$advert" "$mode" >"$work/result"
            all[$impl]+="$(cat "$work/result") "
            if [[ -n $KEEP_LOGS ]]; then
                for h in dir1 dir2; do cp "$work/$h.log" "$KEEP_LOGS/$impl-$c-$r-$h.log"; done
                cp "$work/times" "$KEEP_LOGS/$impl-$c-$r.times"
                [[ ! -f $work/frames ]] || cp "$work/frames" "$KEEP_LOGS/$impl-$c-$r.frames"
            fi
        done
    done
    for impl in lvsd keepalived; do med[$impl]=$(median <<<"${all[$impl]}"); done
    ratio=$(awk -v a="${med[lvsd]}" -v b="${med[keepalived]}" 'BEGIN {printf "%.2f", a / b}')
    printf '%-22s %-34s %-34s %s\n' "v$version ${advert}s $mode" "${med[lvsd]} (${all[lvsd]% })" \
        "${med[keepalived]} (${all[keepalived]% })" "$ratio"
done
reset_hosts
