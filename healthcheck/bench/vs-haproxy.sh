#!/bin/bash
# lvsd's checkers against haproxy's on the same real servers (a benchmark, not a test).
#
# Usage: healthcheck/bench/vs-haproxy.sh [servers=10000] [seconds per side=60] [rounds=2]
#
# One process (BenchServers, Java/Netty, two epoll threads) serves N real servers on
# 127.x.y.z:18080 (BenchAddresses): the first half accept and close (TCP_CHECK / haproxy plain
# "check"), the second half answer "HTTP/1.0 200 OK" (HTTP_GET url / / haproxy
# "option httpchk GET /"). Then, alternately, ROUNDS times:
#   lvsd     LvsdChecks: every server checked every second (delay_loop 1, connect_timeout 1,
#            retry 0), pools of 100, one CheckTransport (LVSD_THREADS event loops, default 2;
#            a list such as "1 2" runs one lvsd side per count in each round, each paired with
#            that round's haproxy side; INFLIGHT probes in
#            flight, default 512 as CheckLimits.defaults(); 4096 was tried and overloaded the
#            servers on the shared, loaded 2-core machine: more probes waited on starved
#            servers and timed out, 2,310 checks/s and 4,927 false downs); the JVM's default
#            collector unless LVSD_JAVA_OPTS names another (SerialGC, the daemon's, measured
#            the same CPU per check as G1 within the rounds' noise, 2026-11-21);
#   haproxy  nbthread 1, the same servers with "check inter 1s fall 1 rise 1",
#            timeout connect/check 1s: a "listen" in mode tcp for the TCP half and one with
#            "option httpchk GET /" for the HTTP half.
# Each side runs SIDE seconds: CPU is utime+stime from /proc/PID/stat between t=15 s and
# t=SIDE-5 s (percent of one core), and for lvsd also the share of its JIT compiler threads
# (C1/C2, a start-up cost a long-running daemon pays once; the JVM runs with
# -XX:-UseDynamicNumberOfCompilerThreads so that those threads live through the window);
# lvsd's checks/s is its own exact count of finished checks over the window, haproxy's is
# estimated as twice its HTTP half's accepted connections (see below). At t=30 s every 100th
# server's listener is closed and the time until each victim is reported down is its
# detection latency (lvsd: its RealServerDown event; haproxy: its "Server .../sN is DOWN"
# line, time-stamped when read); the victims are revived at t=SIDE-3 s. Load averages are read at both ends of the CPU window. The servers
# count accepted connections per half over the same window: the HTTP half's count is exact
# (every check must be accepted to get its answer); the TCP half's misses checks that reset
# their connection before the server accepted it: haproxy's, and lvsd's bare TCP_CHECK since
# it delays the handshake's last ACK (TCP_QUICKACK off, 631c215), so both now show ~0.
#
# Descriptors: BenchServers holds N listening sockets plus the connections being checked, so
# the script raises "ulimit -n" to the hard limit (20000 on the lab machine) and N must stay
# well below it. Every process it starts is killed on exit. Results: a table on stdout, raw
# logs in the printed directory.
set -euo pipefail
cd "$(dirname "$0")/../.."

N=${1:-10000}
SIDE=${2:-60}
ROUNDS=${3:-2}
PORT=18080
VICTIM_EVERY=100
INFLIGHT=${INFLIGHT:-512}
# extra JVM flags for lvsd's side, e.g. LVSD_JAVA_OPTS=-XX:+UseSerialGC (packaging/bin/lvsd's
# collector) or a flight recording (-XX:StartFlightRecording=...); none by default: the JVM's
# default collector, G1 on 2+ CPUs, as in every run recorded so far
LVSD_JAVA_OPTS=${LVSD_JAVA_OPTS:-}
LVSD_THREADS=${LVSD_THREADS:-2}
WARM=15
KILL_AT=30
WINDOW_END=$((SIDE - 5))
REVIVE_AT=$((SIDE - 3))
(( SIDE >= 40 )) || { echo "seconds per side must be >= 40" >&2; exit 2; }
ulimit -n "$(ulimit -Hn)"
(( N + 2000 <= $(ulimit -n) )) || { echo "need N + 2000 <= ulimit -n ($(ulimit -n))" >&2; exit 2; }

out=$(mktemp -d /tmp/lvsd-vs-haproxy.XXXXXX)
pids=()
cleanup() {
    exec 3>&- 2>/dev/null || true
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

./mvnw -B -o -q -pl healthcheck compile
./mvnw -B -o -q -pl healthcheck dependency:build-classpath -Dmdep.outputFile="$out/cp" \
    -Dmdep.includeScope=runtime
# a copy of the module's classes: a compile in the worktree during the run cannot change the
# code that later sides run
cp -r healthcheck/target/classes "$out/module-classes"
CP="$out/classes:$out/module-classes:$(cat "$out/cp")"
javac -d "$out/classes" -cp "$CP" healthcheck/bench/BenchAddresses.java \
    healthcheck/bench/BenchServers.java healthcheck/bench/LvsdChecks.java

mkfifo "$out/ctl"
java -Xmx256m -cp "$CP" BenchServers "$N" "$PORT" "$VICTIM_EVERY" <"$out/ctl" \
    >"$out/servers.log" 2>&1 &
SERVERS=$!
pids+=("$SERVERS")
exec 3>"$out/ctl"
for _ in $(seq 240); do
    grep -q '^ready' "$out/servers.log" && break
    kill -0 "$SERVERS" || { cat "$out/servers.log"; exit 1; }
    sleep 0.5
done
grep -q '^ready' "$out/servers.log" || { echo "servers did not start" >&2; exit 1; }

python3 - "$N" "$PORT" >"$out/haproxy.cfg" <<'PY'
import sys
n, port = int(sys.argv[1]), int(sys.argv[2])
def addr(i):
    return "127.%d.%d.%d" % (1 + i // 64000, i // 250 % 256, 1 + i % 250)
print("""global
    nbthread 1
    maxconn 2000
    log stdout format raw local0
defaults
    mode tcp
    log global
    timeout connect 1s
    timeout check 1s
    timeout client 10s
    timeout server 10s
    default-server check inter 1s fall 1 rise 1
listen tcp_half
    bind 127.0.0.1:19001""")
for i in range(n // 2):
    print("    server s%d %s:%d" % (i, addr(i), port))
print("""listen http_half
    bind 127.0.0.1:19002
    option httpchk GET /""")
for i in range(n // 2, n):
    print("    server s%d %s:%d" % (i, addr(i), port))
PY

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
# jit PID: utime+stime of the JVM's JIT compiler threads (0 for haproxy); the fields are
# counted after the ") " that ends the thread name, which may hold spaces
jit() {
    local sum=0 t v
    for t in /proc/"$1"/task/*; do
        case "$(cat "$t/comm" 2>/dev/null)" in
            C1\ Compiler*|C2\ Compiler*)
                v=$(sed 's/.*) //' "$t/stat" | awk '{print $12 + $13}')
                sum=$((sum + v)) ;;
        esac
    done
    echo "$sum"
}
load() { cut -d' ' -f1-3 /proc/loadavg; }
# at T0 S: sleeps until T0 + S seconds (epoch)
at() {
    local until=$(( $1 + $2 )) now
    now=$(date +%s)
    if (( until > now )); then sleep $(( until - now )); fi
}
hz=$(getconf CLK_TCK)

# side NAME ROUND: starts the checker side (lvsdT: lvsd with T event loops), measures, stops it
side() {
    local name=$1 round=$2 log="$out/$1-$2.log" pid t0 a b ja jb sa sb la1 la2
    t0=$(date +%s)
    if [[ $name == lvsd* ]]; then
        # shellcheck disable=SC2086 # LVSD_JAVA_OPTS holds zero or more words on purpose
        java -Xms64m -Xmx512m $LVSD_JAVA_OPTS -XX:-UseDynamicNumberOfCompilerThreads -cp "$CP" \
            LvsdChecks "$N" "$PORT" "$SIDE" "$INFLIGHT" "${name#lvsd}" \
            >"$log" 2>&1 &
        pid=$!
    else
        rm -f "$out/hap.fifo"; mkfifo "$out/hap.fifo"
        python3 -u -c 'import sys, time
for line in sys.stdin:
    sys.stdout.write("%d %s" % (time.time() * 1000, line))' <"$out/hap.fifo" >"$log" &
        pids+=("$!")
        haproxy -db -f "$out/haproxy.cfg" >"$out/hap.fifo" 2>&1 &
        pid=$!
    fi
    pids+=("$pid")
    at "$t0" "$WARM"; a=$(ticks "$pid"); ja=$(jit "$pid"); sa=$(ticks "$SERVERS"); la1=$(load)
    echo count >&3
    at "$t0" "$KILL_AT"; echo kill >&3
    at "$t0" "$WINDOW_END"; b=$(ticks "$pid"); jb=$(jit "$pid"); sb=$(ticks "$SERVERS")
    la2=$(load)
    echo count >&3
    at "$t0" "$REVIVE_AT"; echo revive >&3
    at "$t0" "$SIDE"
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    local killed c1 c2 h1 h2
    killed=$(grep '^killed' "$out/servers.log" | tail -1 | cut -d' ' -f2)
    c1=$(grep '^count' "$out/servers.log" | tail -2 | head -1 | cut -d' ' -f2)
    c2=$(grep '^count' "$out/servers.log" | tail -1 | cut -d' ' -f2)
    h1=$(grep '^count' "$out/servers.log" | tail -2 | head -1 | cut -d' ' -f4)
    h2=$(grep '^count' "$out/servers.log" | tail -1 | cut -d' ' -f4)
    python3 - "$name" "$round" "$log" "$killed" "$N" "$VICTIM_EVERY" \
        "$(( b - a ))" "$(( sb - sa ))" "$hz" "$(( WINDOW_END - WARM ))" "$la1" "$la2" \
        "$(( (t0 + WARM) * 1000 ))" "$(( c2 - c1 ))" "$(( h2 - h1 ))" "$(( jb - ja ))" \
        <<'PY' | tee -a "$out/results.txt"
import re, statistics, sys
(name, rnd, log, killed, n, every, ticks, sticks, hz, window, la1, la2, warm, conns,
 http, jticks) = sys.argv[1:]
killed, n, every, ticks, sticks, hz, window, warm, conns, http, jticks = map(
    int, (killed, n, every, ticks, sticks, hz, window, warm, conns, http, jticks))
victims = set(range(0, n, every))
first, other, other_warm = {}, set(), set()
heap = []
done = {}
for line in open(log):
    down = None
    if name.startswith("lvsd"):
        m = re.match(r"down (\d+) (\d+) ", line)
        down = m and (int(m.group(1)), int(m.group(2)))
        h = re.match(r"stat t=(\d+) checks=\d+ heapUsedMiB=(\d+) heapCommittedMiB=(\d+)",
                     line)
        if h and 15 <= int(h.group(1)) <= window + 15:
            heap.append((int(h.group(2)), int(h.group(3))))
        c = re.match(r"stat t=(\d+) checks=(\d+) ", line)
        if c:
            done[int(c.group(1))] = int(c.group(2))
    else:
        m = re.match(r"(\d+) .*Server \w+/s(\d+) is DOWN", line)
        down = m and (int(m.group(2)), int(m.group(1)))
    if not down:
        continue
    idx, ms = down
    if idx in victims and ms >= killed:
        first.setdefault(idx, ms - killed)
    elif idx not in victims:
        (other if ms >= warm else other_warm).add(idx)
lat = sorted(first.values())
def pct(p):
    return lat[min(len(lat) - 1, len(lat) * p // 100)] if lat else float("nan")
cpu = 100.0 * ticks / hz / window
scpu = 100.0 * sticks / hz / window
hs = ("heapUsedMiB p50=%d max=%d committedMiB max=%d" % (statistics.median(h[0] for h in heap),
      max(h[0] for h in heap), max(h[1] for h in heap))) if heap else "heap n/a"
rate = conns / window
# lvsd counts its finished checks exactly; haproxy's are estimated as twice the HTTP half's
# accepted connections (its TCP checks reset before the server accepts them)
# (lvsd's own second counter starts with its JVM, a little after the side's t=0: its last
# line may be t=SIDE-6, so the rate is taken between the lines nearest the window's ends)
inside = sorted(t for t in done if 15 <= t <= 15 + window)
checks = ((done[inside[-1]] - done[inside[0]]) / (inside[-1] - inside[0])
          if len(inside) > 1 else float("nan")) if name.startswith("lvsd") else 2 * http / window
jcpu = 100.0 * jticks / hz / window
print("%-7s round %s: cpu=%.1f%% of one core over %ds (JIT compiler threads %.1f%%, "
      "servers %.1f%%), checks/s=%.0f, cpu per 1000 checks/s=%.1f%% (without JIT %.1f%%), "
      "accepted/s=%.0f (HTTP half %.0f), load %s -> %s, "
      "detected %d/%d victims p50=%sms p99=%sms max=%sms, "
      "false downs (non-victims) before t=15s %d, after %d, %s"
      % (name, rnd, cpu, window, jcpu, scpu, checks,
         1000 * cpu / checks if checks else float("nan"),
         1000 * (cpu - jcpu) / checks if checks else float("nan"),
         rate, http / window, la1, la2, len(lat), len(victims), pct(50), pct(99),
         lat[-1] if lat else "nan", len(other_warm), len(other), hs))
PY
}

echo "servers=$N side=${SIDE}s rounds=$ROUNDS lvsd event loops=$LVSD_THREADS" \
    "cpu window=${WARM}..${WINDOW_END}s logs=$out"
for r in $(seq "$ROUNDS"); do
    for t in $LVSD_THREADS; do
        side "lvsd$t" "$r"
    done
    side haproxy "$r"
done
python3 - "$out/results.txt" <<'PY'
import re, sys
rounds = {}
for line in open(sys.argv[1]):
    m = re.match(r"(\w+)\s+round (\d+): cpu=([\d.]+)%.*cpu per 1000 checks/s=([\d.na]+)%",
                 line)
    rounds.setdefault(m.group(2), {})[m.group(1)] = (float(m.group(3)), float(m.group(4)))
for r, sides in rounds.items():
    h = sides.get("haproxy")
    for name, l in sides.items():
        if name != "haproxy" and h:
            print("round %s: %s/haproxy cpu ratio = %.2f, per check = %.2f"
                  % (r, name, l[0] / h[0] if h[0] else float("nan"),
                     l[1] / h[1] if h[1] else float("nan")))
PY
