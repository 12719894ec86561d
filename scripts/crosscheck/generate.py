# A second, independent trunk-motion simulator: its own physics and conventions (cosine ramps, a sensor
# 10 cm behind the spine, bob starting after the turn, a bias ramp, 50/100/200 Hz), so that the detectors are
# not only judged by the simulator they were designed with.
# usage: generate.py SEED OUTDIR  -> OUTDIR/KIND-RATE.csv (replay input) and .truth (t,twist_deg,bounce)
import numpy as np, sys, os
rng = np.random.default_rng(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
def qmul(a, b):
    w1,x1,y1,z1 = a.T; w2,x2,y2,z2 = b.T
    return np.stack([w1*w2-x1*x2-y1*y2-z1*z2, w1*x2+x1*w2+y1*z2-z1*y2, w1*y2-x1*z2+y1*w2+z1*x2, w1*z2+x1*y2-y1*x2+z1*w2], -1)
def qaxis(ax, ang):
    ax = np.asarray(ax, float); ax = ax/np.linalg.norm(ax)
    ang = np.atleast_1d(ang)
    return np.concatenate([np.cos(ang/2)[:,None], np.sin(ang/2)[:,None]*ax[None,:]], -1)
def qconj(q): return q*np.array([1,-1,-1,-1])
def qrot(q, v):
    p = np.concatenate([np.zeros((len(v),1)), v], -1)
    return qmul(qmul(q, p), qconj(q))[:,1:]
def rand_quat():
    u = rng.random(3)
    return np.array([np.sqrt(u[0])*np.sin(2*np.pi*u[2]), np.sqrt(1-u[0])*np.sin(2*np.pi*u[1]), np.sqrt(1-u[0])*np.cos(2*np.pi*u[1]), np.sqrt(u[0])*np.cos(2*np.pi*u[2])])
def cosramp(x): x = np.clip(x,0,1); return 0.5-0.5*np.cos(np.pi*x)

def scenario(kind, fs):
    # piecewise: returns t, flex, side, twist (rad), heading (rad), bob (m), bounce flag
    T = []; segs = []
    def add(dur, f0,f1, s0,s1, w0,w1, h0,h1, bob=0, osc=None, bflag=0):
        segs.append((dur,f0,f1,s0,s1,w0,w1,h0,h1,bob,osc,bflag))
    d = np.radians
    f=s=w=h=0.0
    def move(dur, F=None,S=None,W=None,H=None, bob=0):
        nonlocal f,s,w,h
        F = f if F is None else F; S = s if S is None else S; W = w if W is None else W; H = h if H is None else H
        add(dur, f,F, s,S, w,W, h,H, bob); f,s,w,h = F,S,W,H
    def hold(dur): add(dur, f,f,s,s,w,w,h,h)
    def osc(dur, axis, amp, freq, bflag): add(dur, f,f,s,s,w,w,h,h, osc=(axis,amp,freq), bflag=bflag)
    # a fidgety start: moves in the first second, then still
    move(0.6, F=d(rng.uniform(2,6))); move(0.6, F=0); hold(rng.uniform(2.5,4))
    if kind == 'twist':
        for k in range(3):
            a = d(rng.uniform(18,26))*rng.choice([-1,1])
            if k == 1: move(2.5, F=d(rng.uniform(30,55))); hold(1)
            move(rng.uniform(0.6,1.2), W=a); hold(rng.uniform(1,2.5)); move(rng.uniform(0.6,1.2), W=0); hold(rng.uniform(0.5,2))
        move(2.5, F=0); hold(2)
    elif kind == 'near':
        for k in range(3):
            a = d(rng.uniform(9,12.5))*rng.choice([-1,1])
            if k == 1: move(2.5, F=d(rng.uniform(30,55)))
            move(1, W=a); hold(rng.uniform(2,4)); move(1, W=0); hold(1)
        move(2.5, F=0); hold(2)
    elif kind == 'rom':
        for k in range(4):
            move(rng.uniform(1.4,2.2), F=d(rng.uniform(45,75))); move(rng.uniform(1.8,2.6), F=0)
        for k in range(3):
            move(rng.uniform(1.5,2.2), S=d(rng.uniform(20,35))); move(rng.uniform(1.5,2.2), S=-d(rng.uniform(20,35)))
        move(1.5, S=0); hold(2)
    elif kind == 'bounce':
        move(3, F=d(rng.uniform(35,60))); hold(2)
        osc(rng.choice([2.5,3,4])/ (fr:=rng.uniform(0.8,2.2)), 'f', d(rng.uniform(2,4)), fr, 1)
        hold(3); move(3, F=0); hold(2)
    elif kind == 'subbounce':
        move(3, F=d(rng.uniform(35,60))); hold(2)
        osc(4/(fr:=rng.uniform(0.8,2.2)), 'f', d(rng.uniform(0.5,1.1)), fr, 0)
        hold(3); move(3, F=0); hold(2)
    elif kind == 'turn':
        for k in range(2):
            move(rng.uniform(1.5,2.5), H=h+d(rng.uniform(90,180))*rng.choice([-1,1]), bob=rng.uniform(0.006,0.01)); hold(rng.uniform(1.5,3))
        move(2.5, F=d(rng.uniform(35,55))); hold(3); move(2.5, F=0); hold(2)
    n = int(sum(sg[0] for sg in segs)*fs)
    t = np.arange(n)/fs
    F=np.zeros(n);S=np.zeros(n);W=np.zeros(n);H=np.zeros(n);Z=np.zeros(n);B=np.zeros(n)
    t0=0
    for (dur,f0,f1,s0,s1,w0,w1,h0,h1,bob,oscp,bflag) in segs:
        m=(t>=t0)&(t<t0+dur); x=(t[m]-t0)/dur; r=cosramp(x)
        F[m]=f0+(f1-f0)*r; S[m]=s0+(s1-s0)*r; W[m]=w0+(w1-w0)*r; H[m]=h0+(h1-h0)*r
        if bob: cad=rng.uniform(1.5,1.9); Z[m]=bob*np.sin(2*np.pi*cad*np.maximum(t[m]-t0-0.15,0))
        if oscp:
            ax,amp,fr=oscp; val=amp*np.sin(2*np.pi*fr*(t[m]-t0))
            if ax=='f': F[m]+=val
            B[m]=bflag
        t0+=dur
    return t,F,S,W,H,Z,B

def render(kind, fs):
    t,F,S,W,H,Z,B = scenario(kind, fs)
    # breathing + sway
    F = F + np.radians(rng.uniform(0.3,0.8))*np.sin(2*np.pi*rng.uniform(0.2,0.3)*t)
    # trunk orientation: heading, then bend (spine direction), then twist about the trunk's own axis
    n=len(t)
    sp = np.stack([np.cos(S)*np.sin(F), -np.sin(S), np.cos(S)*np.cos(F)],-1)
    # swing: shortest rotation z -> sp
    c = np.cross(np.tile([0,0,1.0],(n,1)), sp); dd = sp[:,2]
    swing = np.concatenate([(1+dd)[:,None], c],-1); swing/=np.linalg.norm(swing,axis=1)[:,None]
    twist = np.stack([np.cos(W/2),0*W,0*W,np.sin(W/2)],-1)
    head = np.stack([np.cos(H/2),0*H,0*H,np.sin(H/2)],-1)
    body = qmul(head, qmul(swing, twist))
    mount = rand_quat()
    sensor = qmul(body, np.tile(mount,(n,1)))
    # sensor position: lever along trunk + 10 cm behind the spine; pelvis bob
    lever = rng.uniform(0.3,0.5)
    pos = qrot(body, np.tile([-0.1,0,lever],(n,1))); pos[:,2]+=Z
    dt=1/fs
    acc_w = np.gradient(np.gradient(pos,dt,axis=0),dt,axis=0) + np.array([0,0,9.81])
    # gyro from quaternion differences (body-frame rate of the sensor)
    dq = qmul(qconj(sensor[:-1]), sensor[1:]); dq*=np.sign(dq[:,:1]+1e-12)
    ang = 2*np.arctan2(np.linalg.norm(dq[:,1:],axis=1), dq[:,0]); axv = dq[:,1:]/np.maximum(np.linalg.norm(dq[:,1:],axis=1),1e-12)[:,None]
    gyr = np.vstack([axv*(ang/dt)[:,None], np.zeros((1,3))])
    gyr = np.vstack([gyr[:1], 0.5*(gyr[:-1]+gyr[1:])])[:n]  # centre the rate on the samples
    acc = qrot(qconj(sensor), acc_w)
    gb = np.radians(rng.uniform(-2,2,3)); ab = rng.uniform(-0.15,0.15,3)
    drift = np.radians(rng.uniform(-0.25,0.25,3))/60.0
    gyr = gyr + gb + drift*t[:,None] + rng.normal(0,np.radians(0.08),(n,3))
    acc = acc + ab + rng.normal(0,0.015,(n,3))
    tj = t + rng.uniform(-0.02,0.02,n)*dt
    return tj, gyr, acc, np.degrees(W), B

kinds = ['twist','near','rom','bounce','subbounce','turn']
out = sys.argv[2]
os.makedirs(out, exist_ok=True)
for kind in kinds:
    for fs in [50, 100, 200]:
        tj,g,a,tw,B = render(kind, fs)
        name = f"{out}/{kind}-{fs}"
        with open(name+'.csv','w') as fh:
            fh.write('t,gx,gy,gz,ax,ay,az\n')
            for i in range(len(tj)): fh.write('%.5f,%.6f,%.6f,%.6f,%.5f,%.5f,%.5f\n'%(tj[i],*g[i],*a[i]))
        with open(name+'.truth','w') as fh:
            fh.write('t,twist_deg,bounce\n')
            for i in range(len(tj)): fh.write('%.5f,%.4f,%d\n'%(tj[i],tw[i],B[i]))
