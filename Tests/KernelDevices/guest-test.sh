#!/bin/bash
# Runs INSIDE the QEMU guest (see boot-guest.sh) as root: drives the real `stretchguard` binary against the
# kernel's own I2C and GPIO devices.
#   I2C:  i2c-stub answers at 0x68 (an MPU-6050 register image, put there with i2cset) and 0x69 (an
#         MPU-6500 image) on a real /dev/i2c-N. i2c-stub keeps one value per register: it stores what the
#         driver writes and serves the bytes we set.
#   GPIO: gpio-sim gives a real /dev/gpiochipN labelled like a Pi 4's (pinctrl-bcm2711) with the Pi's line
#         names; an output's level is visible in sysfs while held, and writing `pull` makes an input edge.
# usage: guest-test.sh STRETCHGUARD_BINARY
set -u
binary=$1
work=$(mktemp -d)
failures=0
pass() { echo "PASS: $1"; }
failed() { echo "FAIL: $1"; failures=$((failures + 1)); }
check() { if eval "$2"; then pass "$1"; else failed "$1"; fi; }
json() { python3 -c "import json,sys; d=json.load(open('$1')); print($2)" 2>/dev/null; }
start=$(cut -d' ' -f1 /proc/uptime)

echo "== I2C: i2c-stub with an MPU-6050 at 0x68 and an MPU-6500 at 0x69"
modprobe i2c-stub chip_addr=0x68,0x69 && modprobe i2c-dev || { echo "FAIL: i2c-stub"; exit 1; }
bus=$(i2cdetect -l | awk '/SMBus stub driver/{sub("i2c-", "", $1); print $1; exit}')
[ -n "$bus" ] || { echo "FAIL: no i2c-stub bus"; exit 1; }
i2cset -y "$bus" 0x68 0x75 0x68          # WHO_AM_I: MPU-6050
i2cset -y "$bus" 0x69 0x75 0x70          # WHO_AM_I: MPU-6500
# A burst image at 0x3B..0x48 (big-endian): accel (0, 0, +8192) = +1 g at ±4 g; temperature 0;
# gyro (+256, -131, 0) = (+3.908, -2.000, 0) °/s at ±500 °/s (65.5 LSB per °/s).
i2cset -y "$bus" 0x68 0x3B 0x00 0x00 0x00 0x00 0x20 0x00 0x00 0x00 0x01 0x00 0xFF 0x7D 0x00 0x00 i
i2cset -y "$bus" 0x69 0x3B 0x00 0x00 0x00 0x00 0x20 0x00 0x00 0x00 0x00 0x00 0x00 0x00 0x00 0x00 i

echo "== GPIO: gpio-sim chip labelled pinctrl-bcm2711 with the Pi's line names"
modprobe gpio-sim || { echo "FAIL: gpio-sim"; exit 1; }
sim=/sys/kernel/config/gpio-sim/pi
mkdir "$sim" "$sim/bank0"
echo 28 > "$sim/bank0/num_lines"
echo pinctrl-bcm2711 > "$sim/bank0/label"
for offset in 17 18 23 24 25 27; do mkdir "$sim/bank0/line$offset"; echo "GPIO$offset" > "$sim/bank0/line$offset/name"; done
echo 1 > "$sim/live"
chip=$(cat "$sim/bank0/chip_name")
lines=/sys/devices/platform/$(cat "$sim/dev_name")/$chip
level() { cat "$lines/sim_gpio$1/value"; }

cat > "$work/hardware.yaml" <<EOF
imu:
  bus: $bus
  address: 0x68
gpio:
  chip: pinctrl-bcm2711
EOF
cp "$binary" "$work/stretchguard" && chmod 755 "$work" "$work/stretchguard"
sg() { "$work/stretchguard" "$@"; }

echo "== doctor on a chip whose data never changes: stuck data is a problem"
sg doctor --config "$work/hardware.yaml" --json > "$work/stuck.json" 2> "$work/stuck.err"
status=$?
check "doctor exits non-zero on stuck data (status $status)" '[ $status -ne 0 ]'
check "doctor names the stuck data" 'grep -qi stuck "$work/stuck.json"'

echo "== doctor with live data (a writer changes the gyro's z LSB as a real chip's noise would)"
( v=0; while :; do i2cset -y "$bus" 0x68 0x48 $v 2>/dev/null; v=$(( (v + 1) % 4 )); done ) &
noise=$!
sg doctor --config "$work/hardware.yaml" --json > "$work/doctor.json" 2> "$work/doctor.err"
status=$?
kill $noise; wait $noise 2>/dev/null
cat "$work/doctor.json"; cat "$work/doctor.err"
check "doctor exits 0 (status $status)" '[ $status -eq 0 ]'
check "doctor lists bus $bus with the stub adapter's name" \
  '[ "$(json "$work/doctor.json" "[b[\"name\"] for b in d[\"i2c\"][\"buses\"] if b[\"number\"]==$bus][0]")" = "SMBus stub driver" ]'
check "doctor identifies the MPU-6050 at 0x68" \
  'json "$work/doctor.json" "d[\"i2c\"][\"buses\"]" | grep -q "0x68.*mpu6050"'
check "doctor identifies the MPU-6500 at 0x69 (two IMUs on one bus)" \
  'json "$work/doctor.json" "d[\"i2c\"][\"buses\"]" | grep -q "0x69.*mpu6500"'
check "acceleration scaled to m/s²: z = 9.807 ± 0.01" \
  'json "$work/doctor.json" "abs(d[\"imu\"][\"sample\"][\"acc\"][2] - 9.80665) < 0.01" | grep -q True'
check "angular rate scaled to rad/s: x = +0.0682, y = -0.0349 ± 0.0005" \
  'json "$work/doctor.json" "abs(d[\"imu\"][\"sample\"][\"gyr\"][0] - 0.068213) < 5e-4 and abs(d[\"imu\"][\"sample\"][\"gyr\"][1] + 0.034907) < 5e-4" | grep -q True'
check "the driver woke the chip (PWR_MGMT_1 = 0x01, PLL on gyro x)" '[ "$(i2cget -y "$bus" 0x68 0x6B)" = 0x01 ]'
check "the driver set ±500 °/s (GYRO_CONFIG = 0x08)" '[ "$(i2cget -y "$bus" 0x68 0x1B)" = 0x08 ]'
check "the driver set ±4 g (ACCEL_CONFIG = 0x08)" '[ "$(i2cget -y "$bus" 0x68 0x1C)" = 0x08 ]'
check "the driver set 200 Hz (SMPLRT_DIV = 4 with the 1 kHz DLPF rate)" '[ "$(i2cget -y "$bus" 0x68 0x19)" = 0x04 ]'
check "doctor found the GPIO chip by its label" 'json "$work/doctor.json" "d[\"gpio\"][\"chip\"][\"path\"]" | grep -q "/dev/$chip"'

echo "== doctor as a user without access: the fix is the i2c/gpio groups"
su nobody -s /bin/sh -c "'$work/stretchguard' doctor --config '$work/hardware.yaml'" > "$work/user.out" 2>&1
status=$?
cat "$work/user.out"
check "non-root doctor exits non-zero (status $status)" '[ $status -ne 0 ]'
check "non-root doctor says how to get access" 'grep -q "usermod -aG" "$work/user.out"'

echo "== doctor with a GPIO chip that is not there"
sed 's/chip: pinctrl-bcm2711/chip: gpiochip9/' "$work/hardware.yaml" > "$work/nochip.yaml"
sg doctor --config "$work/nochip.yaml" > "$work/nochip.out" 2>&1
status=$?
check "a missing GPIO chip fails doctor (status $status)" '[ $status -ne 0 ]'
check "the message names gpiochip9" 'grep -q gpiochip9 "$work/nochip.out"'

echo "== outputs and button through the kernel's GPIO character device"
sg doctor --config "$work/hardware.yaml" --outputs --step-seconds 3 --button-timeout 30 > "$work/outputs.out" 2>&1 &
doctor=$!
wait_for() {   # wait_for PATTERN: until the doctor prints it (60 s at most; the guest is slow)
  for _ in $(seq 600); do grep -q "$1" "$work/outputs.out" && return 0; kill -0 $doctor 2>/dev/null || break; sleep 0.1; done
  grep -q "$1" "$work/outputs.out"
}
wait_for "buzzer: on" && sleep 0.5
check "buzzer line GPIO18 driven high while on" '[ "$(level 18)" = 1 ]'
check "LEDs off while the buzzer sounds" '[ "$(level 23)$(level 24)$(level 25)" = 000 ]'
wait_for "green LED: on" && sleep 0.5
check "green LED line GPIO23 high, buzzer off" '[ "$(level 23)$(level 18)" = 10 ]'
wait_for "yellow LED: on" && sleep 0.5
check "yellow LED line GPIO24 high" '[ "$(level 24)$(level 23)" = 10 ]'
wait_for "red LED: on" && sleep 0.5
check "red LED line GPIO25 high" '[ "$(level 25)$(level 24)" = 10 ]'
wait_for "press the button" && sleep 1
check "every output driven off (lines still held) while waiting for the button" '[ "$(level 18)$(level 23)$(level 24)$(level 25)" = 0000 ]'
echo pull-down > "$lines/sim_gpio27/pull"; sleep 0.3; echo pull-up > "$lines/sim_gpio27/pull"
wait $doctor
status=$?
cat "$work/outputs.out"
check "doctor --outputs exits 0 after the press (status $status)" '[ $status -eq 0 ]'
check "the button press came from a kernel edge event" 'grep -q "button: pressed" "$work/outputs.out"'

echo "== guest test took $(awk -v a="$start" -v b="$(cut -d' ' -f1 /proc/uptime)" 'BEGIN{printf "%.1f", b-a}') s"
echo "== RESULT: $([ $failures = 0 ] && echo "ALL PASSED" || echo "$failures FAILED")"
exit $failures
