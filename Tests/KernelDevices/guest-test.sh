#!/bin/bash
# Runs INSIDE the QEMU guest (see boot-guest.sh) as root: drives the real `stretchguard` binary against the
# kernel's own I2C and GPIO devices.
#   I2C:  i2c-stub answers at 0x68 (an MPU-6050 register image, put there with i2cset) and 0x69 (an
#         MPU-6500 image) on a real /dev/i2c-N. i2c-stub keeps one value per register: it stores what the
#         driver writes and serves the bytes we set.
#   GPIO: gpio-sim gives a real /dev/gpiochipN labelled like a Pi 4's (pinctrl-bcm2711) with the Pi's line
#         names; an output's level is visible in sysfs while held, and writing `pull` makes an input edge.
#   Live: `run` on the stub while a helper plays a scripted twist into the register image at 100 Hz and
#         pulses GPIO17 (the INT pin) after each sample, so the sample clock runs on real kernel edges.
#   Two:  `doctor` and `run` with both chips configured (thorax 0x68, pelvis 0x69): the helper feeds both
#         images on one tick; a spinal twist (thorax turned, pelvis still) must sound the buzzer, a
#         whole-body turn (both turned together) must not.
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

echo "== a live session: run on the stub bus, a scripted twist, the data-ready edge from gpio-sim's GPIO17"
# The helper: `feed` plays a scripted upright-still → 25° twist → still motion into the MPU-6050's data
# registers at 100 Hz (one SMBus I2C-block write of 0x3B..0x48 per sample) and, after each write, makes a
# rising edge on GPIO17 (the INT pin's data-ready pulse) through gpio-sim's pull; `watch` logs the level
# changes of the buzzer (GPIO18) and red LED (GPIO25) lines. Times are CLOCK_MONOTONIC s.
cat > "$work/imu.py" <<'EOF'
import ctypes, fcntl, os, random, struct, sys, time
def feed(bus, pull_path, trigger, log):
    fd = os.open(f"/dev/i2c-{bus}", os.O_RDWR)
    fcntl.ioctl(fd, 0x0703, 0x68)                       # I2C_SLAVE
    data = ctypes.create_string_buffer(34)               # union i2c_smbus_data
    request = struct.pack("BBxxIQ", 0, 0x3B, 8, ctypes.addressof(data))  # write, 0x3B, I2C_BLOCK_DATA
    pull = os.open(pull_path, os.O_WRONLY)
    out = open(log, "w", buffering=1)
    rate, turn, hold, dps = 100.0, 0.5, 2.5, 50.0         # 25° in 0.5 s, held 2.5 s, back in 0.5 s
    period, start, k, twist_at = 1 / rate, time.monotonic(), 0, None
    print("ready", file=out)
    while True:
        now = start + k * period
        if twist_at is None and k % 10 == 0 and os.path.exists(trigger):
            twist_at = now
            print(f"turn {now:.3f}", file=out)
        t = now - twist_at if twist_at is not None else -1
        rate_z = dps if 0 <= t < turn else -dps if turn + hold <= t < 2 * turn + hold else 0.0
        if twist_at is not None and abs(t - (turn + hold)) < period / 2: print(f"back {now:.3f}", file=out)
        if twist_at is not None and abs(t - (2 * turn + hold)) < period / 2: print(f"still {now:.3f}", file=out)
        n = lambda: random.randint(-2, 2)                  # a real chip's noise (and never stuck data)
        counts = (n(), n(), 8192 + n(), 0, n(), n(), int(round(rate_z * 65.5)) + n())
        data[0:15] = bytes([14]) + struct.pack(">7h", *counts)  # +1 g up z at ±4 g; gyro at ±500 °/s
        os.write(pull, b"pull-down")
        fcntl.ioctl(fd, 0x0720, request)                  # I2C_SMBUS
        os.write(pull, b"pull-up")                        # the rising edge: data ready
        k += 1
        delay = start + k * period - time.monotonic()
        if delay > 0: time.sleep(delay)
def watch(lines_dir, log):
    files = {line: open(f"{lines_dir}/sim_gpio{line}/value") for line in (18, 25)}
    last, out = {}, open(log, "w", buffering=1)
    while True:
        for line, f in files.items():
            f.seek(0); level = f.read().strip()
            if last.get(line) != level:
                print(f"{time.monotonic():.3f} {line} {level}", file=out); last[line] = level
        time.sleep(0.005)
def feed2(bus, pull_path, folder, log):
    # Both images on each tick: the thorax's (0x68), then the pelvis's (0x69), then the data-ready edge.
    # The file `spinal` in FOLDER turns the thorax alone 25° (0.5 s) and back after 2.5 s; `whole` turns
    # both 40° (0.5 s) and back after 2.5 s, as a wearer turning on the spot would.
    fd = os.open(f"/dev/i2c-{bus}", os.O_RDWR)
    data = ctypes.create_string_buffer(34)
    request = struct.pack("BBxxIQ", 0, 0x3B, 8, ctypes.addressof(data))
    pull = os.open(pull_path, os.O_WRONLY)
    out = open(log, "w", buffering=1)
    rate, turn, hold = 100.0, 0.5, 2.5
    period, start, k, moves = 1 / rate, time.monotonic(), 0, []
    print("ready", file=out)
    def profile(t, dps):   # turn at dps, hold, turn back; 0 outside
        return dps if 0 <= t < turn else -dps if turn + hold <= t < 2 * turn + hold else 0.0
    while True:
        now = start + k * period
        for name, dps in (("spinal", 50.0), ("whole", 80.0)):
            if k % 10 == 0 and name not in [m[0] for m in moves] and os.path.exists(f"{folder}/{name}"):
                moves.append((name, now, dps)); print(f"{name} {now:.3f}", file=out)
        thorax = sum(profile(now - at, dps) for _, at, dps in moves)
        pelvis = sum(profile(now - at, dps) for name, at, dps in moves if name == "whole")
        for name, at, _ in moves:
            if abs(now - at - (2 * turn + hold)) < period / 2: print(f"{name}-still {now:.3f}", file=out)
        n = lambda: random.randint(-2, 2)
        os.write(pull, b"pull-down")
        for address, rate_z in ((0x68, thorax), (0x69, pelvis)):
            fcntl.ioctl(fd, 0x0703, address)               # I2C_SLAVE
            counts = (n(), n(), 8192 + n(), 0, n(), n(), int(round(rate_z * 65.5)) + n())
            data[0:15] = bytes([14]) + struct.pack(">7h", *counts)
            fcntl.ioctl(fd, 0x0720, request)
        os.write(pull, b"pull-up")
        k += 1
        delay = start + k * period - time.monotonic()
        if delay > 0: time.sleep(delay)
if sys.argv[1] == "feed": feed(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5])
elif sys.argv[1] == "feed2": feed2(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5])
else: watch(sys.argv[2], sys.argv[3])
EOF
py=/usr/bin/python3; [ -x $py ] || py=python3
cat > "$work/live.yaml" <<EOF
imu:
  bus: $bus
  address: 0x68
  rate_hz: 100
  data_ready_line: GPIO17
gpio:
  chip: pinctrl-bcm2711
EOF
live_start=$(cut -d' ' -f1 /proc/uptime)
$py "$work/imu.py" feed "$bus" "$lines/sim_gpio17/pull" "$work/twist" "$work/feed.log" & feeder=$!
$py "$work/imu.py" watch "$lines" "$work/levels.log" & watcher=$!
for _ in $(seq 100); do grep -q ready "$work/feed.log" 2>/dev/null && [ -s "$work/levels.log" ] && break; sleep 0.1; done
HOME=$work XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config \
  "$work/stretchguard" run --sensor mpu6050 --config "$work/live.yaml" --db "$work/sessions.sqlite" > "$work/run.out" 2>&1 & runner=$!
wait_run() {   # wait_run PATTERN [SECONDS]: until the run prints it
  for _ in $(seq $(( ${2:-60} * 10 ))); do grep -q "$1" "$work/run.out" && return 0; kill -0 $runner 2>/dev/null || break; sleep 0.1; done
  grep -q "$1" "$work/run.out"
}
after_twist=none
if wait_run "recording session" 90; then
  sleep 1                                                 # the loop is running, upright and still
  touch "$work/twist"
  for _ in $(seq 50); do grep -q "^still" "$work/feed.log" && break; sleep 0.1; done
  sleep 1.5                                               # still again; the alert has cleared
  after_twist="$(level 18)$(level 25)"
  echo pull-down > "$lines/sim_gpio27/pull"; sleep 0.3; echo pull-up > "$lines/sim_gpio27/pull"   # a short press
  wait_run "marked: stop" 10
  sleep 1
fi
kill -TERM $runner 2>/dev/null; wait $runner; status=$?
kill $feeder $watcher; wait $feeder $watcher 2>/dev/null
cat "$work/feed.log"; cat "$work/levels.log"; cat "$work/run.out"
turn=$(awk '/^turn/{print $2}' "$work/feed.log"); back=$(awk '/^back/{print $2}' "$work/feed.log")
still=$(awk '/^still/{print $2}' "$work/feed.log")
high_between() {   # high_between LINE FROM TO: the line was high at some moment in [FROM, TO]
  awk -v l="$1" -v a="$2" -v b="$3" '$2 == l { if ($1 <= a) v = $3; else if ($1 <= b && $3 == "1") hit = 1 }
    END { exit !(hit || v == "1") }' "$work/levels.log"
}
check "the run exits 0 on SIGTERM (status $status)" '[ $status -eq 0 ]'
check "the twist was played (feeder log: turn, back, still)" '[ -n "$turn" ] && [ -n "$back" ] && [ -n "$still" ]'
check "the sample clock took the data-ready edge on GPIO17" 'grep -q "sample clock: data-ready edge (GPIO17 gave" "$work/run.out"'
check "latency is measured from the kernel's edge time" 'grep -q "data-ready edge: from the kernel.s edge time" "$work/run.out"'
check "the run printed the twist alert" 'grep -Eq "twist alert: (1[5-9]|2[0-9]|3[0-5])°" "$work/run.out"'
check "buzzer GPIO18 sounded during the twist" 'high_between 18 "$turn" "$back"'
check "red LED GPIO25 lit during the held twist" 'high_between 25 "$turn" "$back"'
check "buzzer and red LED off again after the twist (GPIO18, GPIO25: $after_twist)" '[ "$after_twist" = 00 ]'
check "the button press was marked" 'grep -q "marked: stop / it hurts" "$work/run.out"'
check "every output low after SIGTERM" '[ "$(level 18)$(level 23)$(level 24)$(level 25)" = 0000 ]'
sg review latest --db "$work/sessions.sqlite" --json > "$work/review.json" 2> "$work/review.err"
cat "$work/review.err"
check "review holds the twist alert (15–35°)" \
  'json "$work/review.json" "[e for e in d[\"events\"] if e[\"event\"]==\"twist_alert_started\" and 15 <= abs(e[\"angle_deg\"]) <= 35]" | grep -q twist'
check "review holds the stop marker" \
  'json "$work/review.json" "[m[\"note\"] for m in d[\"markers\"] if m[\"kind\"]==\"stop\"]" | grep -q "it hurts"'
check "review notes the outputs went off when stopped" 'grep -q "outputs off (stopped)" "$work/review.json"'
echo "== the live session took $(awk -v a="$live_start" -v b="$(cut -d' ' -f1 /proc/uptime)" 'BEGIN{printf "%.1f", b-a}') s"

echo "== two sensors: doctor and a live session with the thorax at 0x68 and the pelvis at 0x69"
two_start=$(cut -d' ' -f1 /proc/uptime)
cat > "$work/two.yaml" <<EOF
imu:
  - role: thorax
    bus: $bus
    address: 0x68
    rate_hz: 100
    data_ready_line: GPIO17
  - role: pelvis
    bus: $bus
    address: 0x69
    data_ready_line: none
gpio:
  chip: pinctrl-bcm2711
EOF
( v=0; while :; do i2cset -y "$bus" 0x68 0x48 $v 2>/dev/null; i2cset -y "$bus" 0x69 0x48 $v 2>/dev/null; v=$(( (v + 1) % 4 )); done ) &
noise=$!
sg doctor --config "$work/two.yaml" --json > "$work/doctor2.json" 2> "$work/doctor2.err"
status=$?
kill $noise; wait $noise 2>/dev/null
json "$work/doctor2.json" "d['sensors']"; cat "$work/doctor2.err"
check "two-sensor doctor exits 0 (status $status)" '[ $status -eq 0 ]'
check "doctor reads the thorax at 0x68 and the pelvis (MPU-6500) at 0x69" \
  '[ "$(json "$work/doctor2.json" "d[\"imu\"][\"address\"], d[\"pelvis\"][\"address\"], d[\"pelvis\"][\"chip\"]")" = "0x68 0x69 mpu6500" ]'
check "doctor names both sensors, both ok" \
  '[ "$(json "$work/doctor2.json" "[s[\"role\"] for s in d[\"sensors\"] if s[\"ok\"]]")" = "['"'"'thorax'"'"', '"'"'pelvis'"'"']" ]'
sed 's/address: 0x69/address: 0x6b/' "$work/two.yaml" > "$work/two-wrong.yaml"
sg doctor --config "$work/two-wrong.yaml" > "$work/doctor-wrong.out" 2>&1
status=$?
cat "$work/doctor-wrong.out"
check "a pelvis at the wrong address fails doctor (status $status)" '[ $status -ne 0 ]'
check "the message names the pelvis and its address strap" \
  'grep -q "pelvis (belt) sensor: no answer at 0x6B" "$work/doctor-wrong.out" && grep -q "SDO/SA0 tied high" "$work/doctor-wrong.out"'

$py "$work/imu.py" feed2 "$bus" "$lines/sim_gpio17/pull" "$work" "$work/feed2.log" & feeder=$!
$py "$work/imu.py" watch "$lines" "$work/levels2.log" & watcher=$!
for _ in $(seq 100); do grep -q ready "$work/feed2.log" 2>/dev/null && [ -s "$work/levels2.log" ] && break; sleep 0.1; done
HOME=$work XDG_DATA_HOME=$work/data2 XDG_CONFIG_HOME=$work/config \
  "$work/stretchguard" run --sensor mpu6050 --config "$work/two.yaml" --db "$work/sessions2.sqlite" > "$work/run2.out" 2>&1 & runner=$!
wait_run2() {   # wait_run2 PATTERN [SECONDS]: until the two-sensor run prints it
  for _ in $(seq $(( ${2:-60} * 10 ))); do grep -q "$1" "$work/run2.out" && return 0; kill -0 $runner 2>/dev/null || break; sleep 0.1; done
  grep -q "$1" "$work/run2.out"
}
if wait_run2 "recording session" 90; then
  sleep 1                                                 # the loop is running, upright and still
  touch "$work/spinal"
  for _ in $(seq 60); do grep -q "^spinal-still" "$work/feed2.log" && break; sleep 0.1; done
  sleep 1.5                                               # still again; the alert has cleared
  touch "$work/whole"
  for _ in $(seq 60); do grep -q "^whole-still" "$work/feed2.log" && break; sleep 0.1; done
  sleep 1
fi
kill -TERM $runner 2>/dev/null; wait $runner; status=$?
kill $feeder $watcher; wait $feeder $watcher 2>/dev/null
cat "$work/feed2.log"; cat "$work/levels2.log"; cat "$work/run2.out"
spinal=$(awk '$1=="spinal"{print $2}' "$work/feed2.log"); spinal_still=$(awk '$1=="spinal-still"{print $2}' "$work/feed2.log")
whole=$(awk '$1=="whole"{print $2}' "$work/feed2.log"); whole_still=$(awk '$1=="whole-still"{print $2}' "$work/feed2.log")
high_between2() {   # high_between2 LINE FROM TO: the line was high at some moment in [FROM, TO]
  awk -v l="$1" -v a="$2" -v b="$3" '$2 == l { if ($1 <= a) v = $3; else if ($1 <= b && $3 == "1") hit = 1 }
    END { exit !(hit || v == "1") }' "$work/levels2.log"
}
check "the two-sensor run exits 0 on SIGTERM (status $status)" '[ $status -eq 0 ]'
check "both moves were played (feeder log: spinal, whole, each still again)" \
  '[ -n "$spinal" ] && [ -n "$spinal_still" ] && [ -n "$whole" ] && [ -n "$whole_still" ]'
check "the run reads the pelvis (MPU-6500 at 0x69) on the thorax's tick" 'grep -q "pelvis sensor: MPU-6500, /dev/i2c-$bus 0x69" "$work/run2.out"'
check "the pair is timed by the data-ready edge on GPIO17" 'grep -q "sample clock: data-ready edge (GPIO17 gave" "$work/run2.out"'
check "the spinal twist raised exactly one twist alert (15–35°)" '[ "$(grep -Ec "twist alert: (1[5-9]|2[0-9]|3[0-5])°" "$work/run2.out")" = 1 ]'
check "buzzer GPIO18 sounded during the spinal twist" 'high_between2 18 "$spinal" "$spinal_still"'
check "no buzzer during the whole-body turn (both sensors turned 40°)" '! high_between2 18 "$whole" "$whole_still"'
check "the pelvis answered throughout" 'grep -q "pelvis sensor  answered throughout" "$work/run2.out"'
echo "== the two-sensor part took $(awk -v a="$two_start" -v b="$(cut -d' ' -f1 /proc/uptime)" 'BEGIN{printf "%.1f", b-a}') s"

echo "== guest test took $(awk -v a="$start" -v b="$(cut -d' ' -f1 /proc/uptime)" 'BEGIN{printf "%.1f", b-a}') s"
echo "== RESULT: $([ $failures = 0 ] && echo "ALL PASSED" || echo "$failures FAILED")"
exit $failures
