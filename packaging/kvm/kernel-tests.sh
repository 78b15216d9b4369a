#!/usr/bin/env bash
# kernel-tests.sh — run modules' JUnit tests tagged "kernel-ipvs" inside the IPVS VM.
#
#   packaging/kvm/kernel-tests.sh [MODULE...]     (default: ipvs-driver controller)
#
# The modules and what they depend on must already be compiled on the host (the root pom's
# kernel-vm profile calls this script from the verify phase, after the host build). All of them
# run in one VM boot and one Maven run: inside the VM, Maven runs offline from the host's ~/.m2
# (the wrapper's Maven distribution and every plugin must be there already) with the project
# folder shared read-write, so the failsafe reports land in MODULE/target/failsafe-reports on
# the host. Only failsafe runs in the VM: compilation is skipped (-Dmaven.main.skip; test
# classes are up to date), as is the enforcer.
#
# Exits with Maven's status inside the VM (124 if the VM timed out, 125 if it failed to boot).
#
# Environment: KVM_TIMEOUT (seconds, default 900), plus run.sh's and build.sh's variables.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
modules=("$@")
((${#modules[@]})) || modules=(ipvs-driver controller)

"$HERE/build.sh"
# JIT tier 1 and the serial collector: 15-30% faster under TCG (see kvm-ipvs.md)
jvm_opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
# failsafe merges its summary with an existing one when a POM also binds it (as ours does), so a
# summary left by an earlier run would leak its result into this one and the next host build
summaries=()
for m in "${modules[@]}"; do
	[ -f "$ROOT/$m/pom.xml" ] || { echo "kernel-tests.sh: no module $m" >&2; exit 2; }
	summaries+=("$ROOT/$m/target/failsafe-reports/failsafe-summary.xml")
done
rm -f "${summaries[@]}"
start=$(date +%s)
rc=0
(
	cd "$ROOT"
	MAVEN_OPTS="$jvm_opts" "$HERE/run.sh" -t "${KVM_TIMEOUT:-900}" -w "$ROOT" -- \
		./mvnw -o -B -ntp -pl "$(IFS=,; echo "${modules[*]}")" -am -Denforcer.skip=true -Dmaven.main.skip=true \
		-Dgroups=kernel-ipvs -Dit.test='Kernel*IT' -Dfailsafe.failIfNoSpecifiedTests=false -DargLine="$jvm_opts" \
		compile failsafe:integration-test failsafe:verify
) || rc=$?
rm -f "${summaries[@]}"
echo "kernel-tests.sh: VM run (${modules[*]}) (boot + Maven + tests) took $(($(date +%s) - start)) s, exit status $rc"
exit "$rc"
