#!/usr/bin/env bash
# build.sh — prepare a tiny QEMU guest whose kernel has IPVS (for run.sh).
#
# What it does (idempotent; a second run with the same inputs does nothing):
#   1. installs the host tools it needs from Debian (qemu-system-x86,
#      busybox-static, ipvsadm, kmod, cpio, xz-utils) if they are missing;
#   2. downloads the current Debian kernel package (linux-image-<abi>-amd64,
#      the one linux-image-amd64 points to) with `apt-get download` and
#      unpacks it with dpkg-deb -x, so the host's own /boot and /lib/modules
#      are never touched;
#   3. builds an initramfs (gzip'ed newc cpio) with busybox, the IPVS, 9p,
#      virtio and overlay modules (plus their dependencies and a modules.dep
#      for busybox modprobe), ipvsadm with its shared libraries, and ./init;
#   4. extracts the uncompressed kernel (vmlinux) for PVH direct boot.
#
# Output, in $KVM_WORK (default: packaging/kvm/.work, git-ignored):
#   vmlinuz (bzImage), vmlinux (the same kernel uncompressed, for PVH boot),
#   initramfs.cpio.gz, kernel.release
#
# Environment:
#   KVM_WORK            work/cache folder
#   KVM_KERNEL_PKG      kernel package to use instead of linux-image-amd64's
#                       current dependency, e.g. linux-image-6.1.0-56-amd64
#   KVM_KERNEL_DEB      a kernel .deb file already at hand (no download); Debian
#                       drops superseded kernel ABIs from its mirror, so this is
#                       the way to pin one kernel for good
#   KVM_EXTRA_MODULES   more module names to put in (and load at boot)
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WORK=${KVM_WORK:-$HERE/.work}
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)

say() { echo "build.sh: $*" >&2; }

# Modules loaded at boot (their dependencies come along automatically).
# All IPVS schedulers, the FTP/SIP helpers, xt_ipvs, plus what run mode needs
# (virtio PCI, 9p, overlay) and dummy/veth for tests that need interfaces.
BOOT_MODULES=(
	ip_vs ip_vs_rr ip_vs_wrr ip_vs_lc ip_vs_wlc ip_vs_fo ip_vs_ovf
	ip_vs_lblc ip_vs_lblcr ip_vs_dh ip_vs_sh ip_vs_mh ip_vs_sed ip_vs_nq
	ip_vs_ftp ip_vs_pe_sip xt_ipvs
	virtio_pci 9pnet_virtio 9p overlay
	dummy veth
)
# shellcheck disable=SC2206
BOOT_MODULES+=(${KVM_EXTRA_MODULES:-})

# --- 1. host packages -------------------------------------------------------
need_pkgs=()
for p in qemu-system-x86 busybox-static ipvsadm kmod cpio xz-utils; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || need_pkgs+=("$p")
done
if ((${#need_pkgs[@]})); then
	say "installing ${need_pkgs[*]}"
	[ "$(id -u)" = 0 ] || { say "need root to apt-get install ${need_pkgs[*]}"; exit 1; }
	apt_install() { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null; }
	# refresh the package lists only when they are missing or stale
	apt_install 2>/dev/null || { apt-get update -qq && apt_install; }
fi

# --- 2. kernel package ------------------------------------------------------
kpkg=${KVM_KERNEL_PKG:-}
if [ -n "${KVM_KERNEL_DEB:-}" ]; then
	kpkg=$(dpkg-deb -f "$KVM_KERNEL_DEB" Package)
elif [ -z "$kpkg" ]; then
	resolve() { apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/ {print $2; exit}'; }
	kpkg=$(resolve)
	if [ -z "$kpkg" ]; then
		apt-get update -qq
		kpkg=$(resolve)
	fi
	[ -n "$kpkg" ] || { say "cannot resolve the kernel package behind linux-image-amd64"; exit 1; }
fi
kdir=$WORK/kernel/$kpkg
if [ ! -f "$kdir/.extracted" ]; then
	rm -rf "$WORK/deb" "$kdir"
	mkdir -p "$WORK/deb" "$kdir"
	if [ -n "${KVM_KERNEL_DEB:-}" ]; then
		cp "$KVM_KERNEL_DEB" "$WORK/deb/"
	else
		say "downloading $kpkg"
		# apt's download sandbox user (_apt) must be able to write the folder
		chmod 0777 "$WORK/deb"
		(cd "$WORK/deb" && apt-get download -qq "$kpkg") || {
			apt-get update -qq
			(cd "$WORK/deb" && apt-get download -qq "$kpkg")
		}
	fi
	dpkg-deb -x "$WORK"/deb/*.deb "$kdir"
	rm -rf "$WORK/deb"
	touch "$kdir/.extracted"
fi
krel=$(basename "$(ls -d "$kdir"/lib/modules/*/ | head -n1)")
moddir=$kdir/lib/modules/$krel
[ -f "$moddir/modules.dep" ] || depmod -b "$kdir" "$krel"

# --- 3. initramfs -------------------------------------------------------------
# Rebuild only when an input changed.
key=$(
	{
		echo "$kpkg ${BOOT_MODULES[*]}"
		sha256sum "$HERE/init" "$HERE/build.sh"
		dpkg-query -W busybox-static ipvsadm
	} | sha256sum | cut -d' ' -f1
)
if [ -f "$WORK/initramfs.cpio.gz" ] && [ -f "$WORK/vmlinuz" ] && [ "$(cat "$WORK/.key" 2>/dev/null)" = "$key" ]; then
	say "up to date ($krel)"
	exit 0
fi
say "building initramfs for $krel"
root=$WORK/initramfs.d
rm -rf "$root"
mkdir -p "$root"/{bin,sbin,etc,proc,sys,dev,tmp,root,lib64,usr/bin,usr/sbin}

# busybox and its applets as symlinks
cp /bin/busybox "$root/bin/busybox"
for applet in $(/bin/busybox --list); do
	[ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"
done
for applet in modprobe insmod rmmod lsmod depmod poweroff reboot halt switch_root; do
	ln -sf ../bin/busybox "$root/sbin/$applet"
done

# kernel modules: the closure of BOOT_MODULES, as kmod's modprobe resolves it
# against the unpacked package (modules are plain .ko in Debian 12; compressed
# ones are decompressed so that busybox insmod can load any of them)
mods=$(for m in "${BOOT_MODULES[@]}"; do
	modprobe -d "$kdir" -S "$krel" --show-depends "$m" | awk '$1 == "insmod" {print $2}'
done | sort -u)
for f in $mods; do
	rel=${f#"$kdir"/}
	mkdir -p "$root/$(dirname "$rel")"
	case "$f" in
	*.ko.xz) xz -dc "$f" >"$root/${rel%.xz}" ;;
	*.ko.zst) zstd -qdc "$f" >"$root/${rel%.zst}" ;;
	*.ko.gz) gzip -dc "$f" >"$root/${rel%.gz}" ;;
	*) cp "$f" "$root/$rel" ;;
	esac
done
cp "$moddir"/modules.builtin "$moddir"/modules.builtin.modinfo "$moddir"/modules.order "$root/lib/modules/$krel/" 2>/dev/null || true
depmod -b "$root" "$krel"
printf '%s\n' "${BOOT_MODULES[@]}" >"$root/etc/kvm-modules"

# ipvsadm and the shared libraries it links (same paths as on the host)
copy_with_libs() {
	local bin=$1 lib
	mkdir -p "$root/$(dirname "$bin")"
	cp -L "$bin" "$root/$bin"
	for lib in $(ldd "$bin" | grep -o '/[^ ]*'); do
		mkdir -p "$root/$(dirname "$lib")"
		cp -L "$lib" "$root/$lib"
	done
}
copy_with_libs /usr/sbin/ipvsadm

install -m 0755 "$HERE/init" "$root/init"

(cd "$root" && find . -print0 | LC_ALL=C sort -z | cpio --null -o -H newc --quiet) | gzip -6 >"$WORK/initramfs.cpio.gz.tmp"
mv "$WORK/initramfs.cpio.gz.tmp" "$WORK/initramfs.cpio.gz"
cp "$kdir/boot/vmlinuz-$krel" "$WORK/vmlinuz"

# Uncompressed kernel for PVH direct boot (QEMU loads the ELF and jumps to its
# 32-bit PVH entry): under TCG this saves the ~3 s the guest needs to
# decompress an xz bzImage. Found as the first compressed stream inside the
# bzImage; if that fails run.sh falls back to vmlinuz.
rm -f "$WORK/vmlinux"
extract_vmlinux() {
	local magic=$1 off
	shift
	off=$(LC_ALL=C grep -obUaP "$magic" "$WORK/vmlinuz" | head -n1 | cut -d: -f1)
	[ -n "$off" ] || return 1
	tail -c +$((off + 1)) "$WORK/vmlinuz" | "$@" >"$WORK/vmlinux.tmp" 2>/dev/null || true
	[ "$(head -c 4 "$WORK/vmlinux.tmp" | od -An -tx1 | tr -d ' ')" = 7f454c46 ] # ELF
}
if grep -q '^CONFIG_PVH=y' "$kdir/boot/config-$krel" &&
	{ extract_vmlinux '\xfd7zXZ\x00' xz -dc --single-stream ||
		extract_vmlinux '\x28\xb5\x2f\xfd' zstd -dc ||
		extract_vmlinux '\x1f\x8b\x08' gzip -dc; }; then
	mv "$WORK/vmlinux.tmp" "$WORK/vmlinux"
else
	rm -f "$WORK/vmlinux.tmp"
	say "no PVH-bootable vmlinux; run.sh will boot the bzImage"
fi
echo "$krel" >"$WORK/kernel.release"
echo "$key" >"$WORK/.key"
say "done: $krel, initramfs $(du -h "$WORK/initramfs.cpio.gz" | cut -f1), $(echo "$mods" | wc -l) modules"
