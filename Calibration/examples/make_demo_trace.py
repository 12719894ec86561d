#!/usr/bin/env python3
"""Writes demo-forward-bend.csv.gz: a 43 s synthetic exercise in the replay input format.

Stand still 4 s; bend forward to 55 deg and hold 15 s (with gentle breathing); come up; twist the chest
25 deg to the left and back; side-bend 20 deg to the right and back; stand still. The sensor sits on the
upper back 0.45 m above the hips with its axes along the body's (x forward, y left, z up), 100 Hz, with
gyroscope bias and noise. Used by the README's first command until the exercise simulator lands.
usage: python3 make_demo_trace.py [OUT]   (numpy needed)
"""
import gzip
import sys
import numpy as np

RATE, G, LEVER = 100.0, 9.80665, 0.45


def ramp(t, t0, t1, a0, a1):
    """Smooth (cosine) move from a0 at t0 to a1 at t1."""
    s = np.clip((t - t0) / (t1 - t0), 0, 1)
    return a0 + (a1 - a0) * (1 - np.cos(np.pi * s)) / 2


def angles(t):
    """Flexion, side bend, twist (rad) at times t."""
    breathing = np.sin(2 * np.pi * 0.25 * (t - 7)) * (ramp(t, 7, 8, 0, 1) - ramp(t, 21, 22, 0, 1))
    flex = ramp(t, 4, 7, 0, 55) - ramp(t, 22, 25, 0, 55) + breathing
    twist = ramp(t, 28, 30, 0, 25) - ramp(t, 32, 34, 0, 25)
    side = ramp(t, 34, 36.5, 0, 20) - ramp(t, 37.5, 40, 0, 20)
    return np.radians(flex), np.radians(side), np.radians(twist)


def quat(axis, angle):
    h = angle / 2
    q = np.zeros((len(angle), 4)); q[:, 0] = np.cos(h); q[:, 1 + axis] = np.sin(h)
    return q


def qmul(a, b):
    w1, x1, y1, z1 = a.T; w2, x2, y2, z2 = b.T
    return np.stack([w1*w2 - x1*x2 - y1*y2 - z1*z2, w1*x2 + x1*w2 + y1*z2 - z1*y2,
                     w1*y2 - x1*z2 + y1*w2 + z1*x2, w1*z2 + x1*y2 - y1*x2 + z1*w2], axis=1)


def rotate(q, v):
    u, w = q[:, 1:], q[:, :1]
    t = 2 * np.cross(u, v)
    return v + w * t + np.cross(u, t)


def orientation(t):
    f, s, z = angles(t)
    return qmul(qmul(quat(1, f), quat(0, s)), quat(2, z))  # flexion -> side bend -> twist


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else 'demo-forward-bend.csv.gz'
    rng = np.random.default_rng(7)
    t = np.arange(0, 43, 1 / RATE)
    h = 1e-4
    q, qp, qm = orientation(t), orientation(t + h), orientation(t - h)
    conj = q * np.array([1, -1, -1, -1])
    gyr = 2 * qmul(conj, (qp - qm) / (2 * h))[:, 1:]               # body rate, rad/s
    pos = lambda tt: rotate(orientation(tt), np.array([0, 0, LEVER]))
    lin = (pos(t + 1e-3) - 2 * pos(t) + pos(t - 1e-3)) / 1e-6      # lever-arm acceleration, m/s^2
    acc = rotate(conj, lin + np.array([0, 0, G]))
    gyr += np.radians([0.3, -0.2, 0.25]) + rng.normal(0, 0.003, gyr.shape)
    acc += rng.normal(0, 0.03, acc.shape)
    with gzip.open(out, 'wt') as f:
        f.write('t,gx,gy,gz,ax,ay,az\n')
        for row in np.column_stack([t, gyr, acc]):
            f.write('%.4f,%.6f,%.6f,%.6f,%.5f,%.5f,%.5f\n' % tuple(row))


if __name__ == '__main__':
    main()
