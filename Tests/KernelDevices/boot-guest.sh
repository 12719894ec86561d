#!/usr/bin/env bash
# Boots a throw-away Linux guest under QEMU and runs one script inside it, as root, with the kernel's
# real I2C and GPIO character devices available: i2c-stub + i2c-dev (/dev/i2c-N) and gpio-sim
# (/dev/gpiochipN, configured through configfs). Exits with the guest script's status, 125 when the guest
# never reported one (boot failure, panic, timeout).
#
# usage: Tests/KernelDevices/boot-guest.sh GUEST_SCRIPT [ARGS...]
#
# The guest sees the host's root filesystem read-only under a tmpfs overlay, so host binaries (the Swift
# runtime included) run unchanged, and the current directory read-write at the same path (where it runs).
# Debian's kernel lacks gpio-sim: it is built once from the matching linux-source package and cached.
#
# env: STRETCHGUARD_VM_CACHE (default ~/.cache/stretchguard-vm), VM_TIMEOUT seconds (default 600),
#      VM_MEM MiB (default 1024), VM_SKIP_INSTALL=1 (packages already present).
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 GUEST_SCRIPT [ARGS...]" >&2; exit 2; }
guest_script=$(readlink -f "$1"); shift
here=$(pwd -P)
cache=${STRETCHGUARD_VM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/stretchguard-vm}
mkdir -p "$cache"; cache=$(readlink -f "$cache")
say() { echo "[boot-guest] $*" >&2; }
[ "$(id -u)" = 0 ] || { say "run as root (it installs packages and builds kernel modules)"; exit 2; }
export DEBIAN_FRONTEND=noninteractive

# -- 1. host packages: the emulator, the guest's tools and what builds the gpio-sim module
t0=$(date +%s)
kernel_package=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/{print $2; exit}')
if [ -z "$kernel_package" ]; then apt-get update -qq; kernel_package=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-[0-9]/{print $2; exit}'); fi
kv=${kernel_package#linux-image-}
[ -n "$kv" ] || { say "cannot tell the Debian kernel version (apt-cache depends linux-image-amd64)"; exit 2; }
if [ "${VM_SKIP_INSTALL:-0}" != 1 ]; then
  need=(qemu-system-x86 busybox-static kmod cpio xz-utils gcc make libc6-dev "linux-headers-$kv" i2c-tools gpiod)
  missing=()
  for p in "${need[@]}"; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi
say "kernel $kv; packages ready in $(( $(date +%s) - t0 )) s"

# -- 2. the guest kernel and the modules Debian does not build (gpio-sim needs irq_sim as a module)
kroot=$cache/kernel-$kv
if [ ! -f "$kroot/.complete" ]; then
  t1=$(date +%s)
  rm -rf "$kroot" "$cache/download"; mkdir -p "$kroot" "$cache/download/src" "$cache/modules"
  (cd "$cache/download" && apt-get download -qq -o APT::Sandbox::User=root "linux-image-$kv")
  dpkg-deb -x "$cache"/download/linux-image-"$kv"_*.deb "$kroot"
  version=$(dpkg-query -W -f='${Version}' "linux-headers-$kv")
  source_package=linux-source-$(echo "$kv" | cut -d. -f1,2)
  (cd "$cache/download" && { apt-get download -qq -o APT::Sandbox::User=root "$source_package=$version" ||
                             apt-get download -qq -o APT::Sandbox::User=root "$source_package"; })
  dpkg-deb --fsys-tarfile "$cache"/download/"$source_package"_*.deb |
    tar -x -C "$cache/download/src" --wildcards './usr/src/linux-source-*.tar.xz'
  tar -xJf "$cache"/download/src/usr/src/linux-source-*.tar.xz -C "$cache/download/src" --strip-components=1 \
    --wildcards '*/drivers/gpio/gpio-sim.c' '*/drivers/gpio/gpiolib.h' '*/kernel/irq/irq_sim.c'
  modules=$cache/modules
  cp "$cache"/download/src/drivers/gpio/{gpio-sim.c,gpiolib.h} "$cache"/download/src/kernel/irq/irq_sim.c "$modules/"
  # irq_sim is built into kernels that need it, not exported as a module: build it as one.
  # irq_to_desc() is not exported to modules; generic_handle_irq() does the same job for a simple irq.
  sed -i 's/handle_simple_irq(irq_to_desc(irqnum));/generic_handle_irq(irqnum);/' "$modules/irq_sim.c"
  sed -i '0,/^#include/s//#include <linux\/module.h>\n#include/' "$modules/irq_sim.c"
  printf '\nMODULE_LICENSE("GPL");\n' >> "$modules/irq_sim.c"
  echo 'obj-m := irq_sim.o gpio-sim.o' > "$modules/Kbuild"
  make -s -C "/usr/src/linux-headers-$kv" M="$modules" modules >"$modules/build.log" 2>&1 \
    || { cat "$modules/build.log" >&2; say "building gpio-sim failed (log above)"; exit 2; }
  mkdir -p "$kroot/lib/modules/$kv/extra"
  cp "$modules"/*.ko "$kroot/lib/modules/$kv/extra/"
  depmod -b "$kroot" "$kv"
  rm -rf "$cache/download"
  touch "$kroot/.complete"
  say "kernel unpacked and gpio-sim built in $(( $(date +%s) - t1 )) s"
fi

# -- 3. an initramfs whose init mounts the host root (9p, read-only) under an overlay and runs the script
run=$(mktemp -d "$cache/run.XXXXXX"); chmod 755 "$run"
trap 'rm -rf "$run"' EXIT
initramfs=$run/initramfs; mkdir -p "$initramfs"/{bin,proc,sys,dev,lower,rw,newroot,mods}
cp /bin/busybox "$initramfs/bin/busybox"
declare -A added=(); load_order=()
add_module() {   # a module and, first, what it depends on
  local name=${1//-/_} dependency
  [ -n "${added[$name]:-}" ] && return; added[$name]=1
  for dependency in $(modinfo -b "$kroot" -k "$kv" -F depends "$name" | tr ',' ' '); do add_module "$dependency"; done
  cp "$(modinfo -b "$kroot" -k "$kv" -n "$name")" "$initramfs/mods/$name.ko"; load_order+=("$name")
}
for m in virtio_pci 9pnet_virtio 9p overlay configfs; do add_module "$m"; done
printf '%s\n' "${load_order[@]}" > "$initramfs/mods/order"
quote() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }
{ echo "KV=$(quote "$kv")"; echo "MODULES=$(quote "$kroot/lib/modules/$kv")"; echo "HERE=$(quote "$here")"
  echo "RUN=$(quote "$run")"; echo "HOST_PATH=$(quote "$PATH")"; } > "$initramfs/settings"
{ printf 'cd %s || exit 126\nexec /bin/bash %s' "$(quote "$here")" "$(quote "$guest_script")"
  for a in "$@"; do printf ' %s' "$(quote "$a")"; done; echo; } > "$run/command.sh"
cat > "$initramfs/init" <<'INIT'
#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc; mount -t sysfs sysfs /sys; mount -t devtmpfs devtmpfs /dev
. /settings
for m in $(cat /mods/order); do insmod /mods/$m.ko || echo "[guest] insmod $m failed"; done
mount -t 9p -o trans=virtio,version=9p2000.L,ro,cache=loose,msize=262144 hostroot /lower
mount -t tmpfs -o mode=755 tmpfs /rw; mkdir -p /rw/upper /rw/work
mount -t overlay overlay -o lowerdir=/lower,upperdir=/rw/upper,workdir=/rw/work /newroot
R=/newroot
mount -t proc proc $R/proc; mount -t sysfs sysfs $R/sys; mount -t devtmpfs devtmpfs $R/dev
mkdir -p $R/dev/pts $R/dev/shm; mount -t devpts devpts $R/dev/pts; mount -t tmpfs tmpfs $R/dev/shm
mount -t tmpfs tmpfs $R/run
mount -t configfs configfs $R/sys/kernel/config
mkdir -p "$R/lib/modules/$KV"; mount --bind "/lower$MODULES" "$R/lib/modules/$KV"
mkdir -p "$R$HERE" "$R$RUN"
mount -t 9p -o trans=virtio,version=9p2000.L,msize=262144 here "$R$HERE"
mount -t 9p -o trans=virtio,version=9p2000.L,msize=262144 run "$R$RUN"
echo "[guest] up after $(cut -d' ' -f1 /proc/uptime) s"
chroot $R /usr/bin/env -i PATH="$HOST_PATH" HOME=/root LANG=C.UTF-8 TERM=dumb /bin/sh "$RUN/command.sh" </dev/console >/dev/console 2>&1
status=$?
echo $status > "$R$RUN/status"; sync
echo "[guest] script exited $status at $(cut -d' ' -f1 /proc/uptime) s"
umount "$R$HERE" "$R$RUN" 2>/dev/null
poweroff -f
INIT
chmod +x "$initramfs/init"
(cd "$initramfs" && find . | cpio -o -H newc --quiet | gzip -1) > "$run/initrd.gz"

# -- 4. boot (software emulation: KVM only when a real kvm_intel/kvm_amd is loaded)
if [ -w /dev/kvm ] && { [ -d /sys/module/kvm_intel ] || [ -d /sys/module/kvm_amd ]; }; then
  accel=(-accel kvm -cpu host); else accel=(-accel tcg,thread=multi -cpu max); fi
t2=$(date +%s)
set +e
timeout --foreground -k 10 "${VM_TIMEOUT:-600}" qemu-system-x86_64 "${accel[@]}" -m "${VM_MEM:-1024}" -smp "$(nproc)" \
  -nodefaults -no-user-config -display none -vga none -serial stdio -no-reboot -nic none \
  -kernel "$kroot/boot/vmlinuz-$kv" -initrd "$run/initrd.gz" \
  -append "console=ttyS0 quiet loglevel=3 panic=-1 rdinit=/init" \
  -fsdev local,id=root,path=/,security_model=none,readonly=on,multidevs=remap -device virtio-9p-pci,fsdev=root,mount_tag=hostroot \
  -fsdev local,id=here,path="$here",security_model=none,multidevs=remap -device virtio-9p-pci,fsdev=here,mount_tag=here \
  -fsdev local,id=run,path="$run",security_model=none -device virtio-9p-pci,fsdev=run,mount_tag=run \
  </dev/null | tr -d '\r'
set -e
say "guest ran for $(( $(date +%s) - t2 )) s"
if [ -f "$run/status" ]; then exit "$(cat "$run/status")"; fi
say "the guest reported no exit status (boot failure, panic or timeout)"
exit 125
